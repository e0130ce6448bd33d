package dev.workspace.mfa.core.signin;

import dev.workspace.mfa.core.account.EmailAddress;
import dev.workspace.mfa.core.directory.CompanyDirectory;
import dev.workspace.mfa.core.directory.DirectoryAccounts;
import dev.workspace.mfa.core.directory.DirectoryEntryMismatchException;
import dev.workspace.mfa.core.directory.DirectoryPerson;
import dev.workspace.mfa.core.directory.DirectoryUnavailableException;
import dev.workspace.mfa.core.password.PasswordHasher;
import dev.workspace.mfa.core.password.PasswordPolicy;
import dev.workspace.mfa.persistence.account.UserAccount;
import dev.workspace.mfa.persistence.audit.AuditEventType;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * The password step: every email, known or not, gets the same answer for the same number of failures, after the same
 * work. Runs outside a transaction so that no database connection or row lock is held during the slow hash;
 * {@link PasswordAttempts} records the result in a short transaction of its own.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PasswordSignInBean implements PasswordSignInService {

    @Inject
    private PasswordHasher hasher;

    @Inject
    private PasswordAttempts attempts;

    @Inject
    private CompanyDirectory directory;

    @Inject
    private DirectoryAccounts directoryAccounts;

    @Inject
    private Clock clock;

    @Override
    public SignInResult checkPassword(String email, String password, String clientAddress) {
        LocalDateTime now = LocalDateTime.now(clock);
        String normalized = EmailAddress.normalize(email);
        PasswordAttempts.Before before = attempts.before(clientAddress, normalized, EmailAddress.isValid(email), now);
        if (before.addressBlockedUntil().isPresent()) {
            // Not audited one by one: a blocked client could otherwise grow the audit trail at request speed. The
            // start of the block is audited (ADDRESS_BLOCKED).
            return SignInResult.addressBlocked(before.addressBlockedUntil().get());
        }
        String candidate = password == null ? "" : password;
        Optional<UserAccount> account = before.account();
        boolean tooLong = candidate.length() > PasswordPolicy.MAX_LENGTH * 2;
        Long accountId = account.map(UserAccount::getId).orElse(null);
        // Read for every email, known or not: the same work on every path (one lock check, one hash, one update).
        boolean locked = before.emailLocked();

        if (directory.configured() && EmailAddress.isValid(email) && !tooLong && !locked
                && (account.isEmpty() || account.get().isFromDirectory())) {
            return checkWithDirectory(normalized, candidate, account, now, clientAddress);
        }
        if (account.isEmpty() || !account.get().isEnabled() || tooLong || locked) {
            hasher.verifyDecoy(tooLong ? "" : candidate);
            return attempts.recordFailure(normalized, accountId, now, clientAddress, AuditEventType.SIGN_IN_FAILED,
                    account.isEmpty() ? "no such account" : "account disabled or input too long");
        }
        UserAccount found = account.get();
        if (!hasher.verify(candidate, found.getPasswordHash())) {
            return attempts.recordFailure(normalized, accountId, now, clientAddress, AuditEventType.SIGN_IN_FAILED,
                    "wrong password");
        }
        String rehash = hasher.needsRehash(found.getPasswordHash()) ? hasher.hash(candidate) : null;
        return attempts.recordSuccess(found.getId(), now, clientAddress, rehash);
    }

    /**
     * A directory person (or an email we do not know, which the directory may): the password is checked by binding as
     * them, and counts towards the same lock as ours when wrong. The account is made or refreshed from the directory.
     */
    private SignInResult checkWithDirectory(String email, String password, Optional<UserAccount> account,
                                            LocalDateTime now, String clientAddress) {
        Long accountId = account.map(UserAccount::getId).orElse(null);
        Optional<DirectoryPerson> person;
        try {
            person = directory.authenticate(email, password);
        } catch (DirectoryUnavailableException e) {
            return SignInResult.directoryUnavailable();
        }
        if (person.isEmpty()) {
            return attempts.recordFailure(email, accountId, now, clientAddress, AuditEventType.SIGN_IN_FAILED,
                    account.isEmpty() ? "not in the directory, or wrong password" : "wrong directory password");
        }
        long id;
        try {
            id = signedIn(email, person.get(), clientAddress);
        } catch (DirectoryEntryMismatchException e) {
            return attempts.recordFailure(email, accountId, now, clientAddress, AuditEventType.SIGN_IN_FAILED,
                    "the account belongs to another directory entry");
        }
        if (account.isPresent() && !account.get().isEnabled()) {
            return attempts.recordFailure(email, id, now, clientAddress, AuditEventType.SIGN_IN_FAILED, "account disabled");
        }
        return attempts.recordSuccess(id, now, clientAddress, null);
    }

    private long signedIn(String email, DirectoryPerson person, String clientAddress) {
        try {
            return directoryAccounts.signedIn(email, person, clientAddress);
        } catch (EJBException e) {
            // Two first sign-ins at once: one created the account, the other's insert failed; this finds it.
            return directoryAccounts.signedIn(email, person, clientAddress);
        }
    }

}
