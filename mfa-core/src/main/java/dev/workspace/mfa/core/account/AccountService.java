package dev.workspace.mfa.core.account;

import dev.workspace.mfa.core.audit.Actor;
import dev.workspace.mfa.core.audit.Client;
import dev.workspace.mfa.core.stepup.StepUpGrant;
import dev.workspace.mfa.persistence.account.Role;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** Who has an account, and creating new ones. */
public interface AccountService {

    int MAX_DISPLAY_NAME_LENGTH = 200;

    /**
     * Creates an account after checking the email, display name and password rules.
     *
     * @param createdBy the admin, owner or token that adds the person, or null at start-up (the bootstrap administrator)
     *
     * @throws AccountRejectedException with the first rule broken
     */
    AccountSummary createAccount(String email, String displayName, String password, Set<Role> roles, Actor createdBy);

    /** The password becomes temporary: it opens nothing but the form that replaces it at the next sign-in. */
    void requirePasswordChange(long id);

    /**
     * Replaces a temporary password at sign-in, and ends every other session of the account.
     *
     * @throws AccountRejectedException when the new password breaks a rule or is the temporary one again, or when the
     *                                   password is no longer temporary
     */
    void replaceTemporaryPassword(long id, String newPassword, String clientAddress);

    /**
     * The person changes their own password, proven by a step-up (password, and a second factor when they have one);
     * their other sessions end and they are emailed.
     *
     * @throws dev.workspace.mfa.core.stepup.StepUpRequiredException when the grant is missing, expired or altered
     * @throws AccountRejectedException a password rule, or the same password again ({@code PASSWORD_UNCHANGED})
     */
    void changePassword(StepUpGrant grant, String newPassword, Client client);

    /** "Sign out other sessions": every session of the account but the caller's, which renews itself, ends. */
    AccountSummary endOtherSessions(long id, String clientAddress);

    /**
     * An admin or owner clears the person's password and second-factor lockouts (and the failures counted towards
     * them), audited with the acting admin; the person is emailed.
     *
     * @throws AdminActionRefusedException {@code NOT_FOUND}, or {@code OWNER_ONLY} for an owner unlocked by an admin
     */
    void unlock(long id, Client client);

    /** Whether a password or second-factor lock of the person runs now. */
    boolean isLocked(long id);

    Optional<AccountSummary> findByEmail(String email);

    Optional<AccountSummary> findById(long id);

    /**
     * The session generation a session of this account must carry to stay signed in (it goes up when the account's
     * sessions are ended); empty when the account was disabled or deleted. One read of the account, for every page.
     */
    OptionalInt liveSessionGeneration(long id);

    List<AccountSummary> listAccounts();

    /** True when at least one account holds the role. */
    boolean anyAccountWithRole(Role role);
}
