package dev.workspace.mfa.core.account;

import dev.workspace.mfa.core.audit.Actor;
import dev.workspace.mfa.core.audit.Actors;
import dev.workspace.mfa.core.audit.AuditLog;
import dev.workspace.mfa.core.audit.Client;
import dev.workspace.mfa.core.crypto.KeyedHash;
import dev.workspace.mfa.core.crypto.RandomTokens;
import dev.workspace.mfa.core.crypto.ServerKeys;
import dev.workspace.mfa.core.notification.SecurityNotice;
import dev.workspace.mfa.core.password.PasswordHasher;
import dev.workspace.mfa.core.throttle.Throttle;
import dev.workspace.mfa.core.throttle.ThrottleCounters;
import dev.workspace.mfa.core.throttle.WindowLimit;
import dev.workspace.mfa.persistence.account.UserAccount;
import dev.workspace.mfa.persistence.audit.AuditEventType;
import dev.workspace.mfa.persistence.people.AccountLink;
import dev.workspace.mfa.persistence.people.LinkPurpose;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

@Stateless
@PermitAll
public class PasswordLinksBean implements PasswordLinks {

    static final Duration INVITATION_VALIDITY = Duration.ofHours(24);
    static final Duration RESET_VALIDITY = Duration.ofHours(1);
    private static final int MAX_TOKEN_LENGTH = 100;

    @PersistenceContext(unitName = "mfa")
    private EntityManager em;

    @Inject
    private ServerKeys keys;

    @Inject
    private PasswordHasher hasher;

    @Inject
    private Throttle throttle;

    @Inject
    private ThrottleCounters counters;

    @Inject
    private Actors actors;

    @Inject
    private AuditLog audit;

    @Inject
    private Event<SecurityNotice> notices;

    @Inject
    private Clock clock;

    @Override
    @RolesAllowed({"admin", "owner"})
    public void sendInvitation(long userId, String linkBase, Client client) {
        Actor actor = actors.current();
        UserAccount account = em.find(UserAccount.class, userId, LockModeType.PESSIMISTIC_WRITE);
        AdminRules.checkMayChange(actor, account);
        // A set-password link for someone who already uses the account would be a password reset that an admin aims.
        if (account.getLastSignInAt() != null) {
            throw new AdminActionRefusedException(AdminActionRefusedException.Reason.ALREADY_SIGNED_IN);
        }
        String link = linkBase + issue(account, LinkPurpose.INVITATION);
        audit.recordBy(actor, AuditEventType.INVITATION_SENT, userId, account.getEmail(), client.address(),
                "set-password link valid " + INVITATION_VALIDITY.toHours() + " h");
        notices.fire(new SecurityNotice(SecurityNotice.Kind.INVITATION, userId, client, clock.instant(), link));
    }

    @Override
    public void sendPasswordReset(String email, String linkBase, Client client) {
        if (!EmailAddress.isValid(email)) {
            return;
        }
        String normalized = EmailAddress.normalize(email);
        LocalDateTime now = LocalDateTime.now(clock);
        Throttle.Counted counted = throttle.countInWindows(List.of(
                new Throttle.Window("reset-" + counters.emailKey(normalized), WindowLimit.RESET_LINKS_PER_EMAIL),
                new Throttle.Window("reset-" + ThrottleCounters.addressKey(client.address()), WindowLimit.RESET_LINKS_PER_ADDRESS)), now);
        // The request that fills a window still gets its link; only those after it are refused.
        if (counted.locked() && !counted.started()) {
            return;
        }
        em.createNamedQuery(UserAccount.BY_EMAIL, UserAccount.class).setParameter("email", normalized)
                .getResultStream().findFirst().filter(UserAccount::isEnabled).ifPresent(account -> {
                    if (account.isFromDirectory()) {
                        // No link: the password is the directory's. The email says where to change it.
                        notices.fire(new SecurityNotice(SecurityNotice.Kind.PASSWORD_IN_DIRECTORY, account.getId(), client,
                                clock.instant(), null));
                        return;
                    }
                    String link = linkBase + issue(account, LinkPurpose.PASSWORD_RESET);
                    audit.record(AuditEventType.PASSWORD_RESET_REQUESTED, null, account.getId(), normalized,
                            client.address(), "reset link valid " + RESET_VALIDITY.toMinutes() + " min");
                    notices.fire(new SecurityNotice(SecurityNotice.Kind.PASSWORD_RESET_LINK, account.getId(), client,
                            clock.instant(), link));
                });
    }

    @Override
    public Optional<LinkHolder> check(String token) {
        LocalDateTime now = LocalDateTime.now(clock);
        return find(token).filter(link -> link.isUsableAt(now))
                .flatMap(link -> Optional.ofNullable(em.find(UserAccount.class, link.getUserId()))
                        .map(account -> new LinkHolder(account.getEmail(), kindOf(link.getPurpose()))));
    }

    @Override
    public void setPassword(String token, String newPassword, Client client) {
        AccountLink link = find(token).orElseThrow(PasswordLinksBean::notUsable);
        UserAccount account = em.find(UserAccount.class, link.getUserId(), LockModeType.PESSIMISTIC_WRITE);
        if (account == null || !account.isEnabled()) {
            throw notUsable();
        }
        if (account.isFromDirectory()) {
            throw new AccountRejectedException(AccountRejectedException.Reason.DIRECTORY_PASSWORD);
        }
        AccountServiceBean.checkPasswordRules(account.getEmail(), newPassword);
        LocalDateTime now = LocalDateTime.now(clock);
        // One row or none: a second use, on any node, finds used_at set.
        if (em.createNamedQuery(AccountLink.USE).setParameter("id", link.getId()).setParameter("now", now)
                .executeUpdate() != 1) {
            throw notUsable();
        }
        em.createNamedQuery(AccountLink.VOID_FOR_USER).setParameter("userId", account.getId())
                .setParameter("purpose", link.getPurpose()).setParameter("now", now).executeUpdate();
        account.setPasswordHash(hasher.hash(newPassword));
        account.setPasswordChangeRequired(false);
        account.endSessions();
        audit.record(AuditEventType.PASSWORD_CHANGED, account.getId(), account.getId(), account.getEmail(),
                client.address(), (link.getPurpose() == LinkPurpose.INVITATION ? "first password set by invitation link"
                        : "password reset by emailed link") + "; all sessions ended");
    }

    private String issue(UserAccount account, LinkPurpose purpose) {
        LocalDateTime now = LocalDateTime.now(clock);
        em.createNamedQuery(AccountLink.VOID_FOR_USER).setParameter("userId", account.getId())
                .setParameter("purpose", purpose).setParameter("now", now).executeUpdate();
        String token = RandomTokens.next();
        em.persist(newLink(account.getId(), purpose, hash(token), now));
        return token;
    }

    /** A link made now: an invitation holds 24 hours, a password reset 1 hour. */
    static AccountLink newLink(long userId, LinkPurpose purpose, String tokenHash, LocalDateTime now) {
        return new AccountLink(userId, purpose, tokenHash, now,
                now.plus(purpose == LinkPurpose.INVITATION ? INVITATION_VALIDITY : RESET_VALIDITY));
    }

    private Optional<AccountLink> find(String token) {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        return em.createNamedQuery(AccountLink.BY_HASH, AccountLink.class).setParameter("hash", hash(token.strip()))
                .getResultStream().findFirst();
    }

    private String hash(String token) {
        return KeyedHash.hex(keys.linkTokenKey(), token);
    }

    private static Kind kindOf(LinkPurpose purpose) {
        return purpose == LinkPurpose.INVITATION ? Kind.INVITATION : Kind.PASSWORD_RESET;
    }

    private static AccountRejectedException notUsable() {
        return new AccountRejectedException(AccountRejectedException.Reason.LINK_NOT_USABLE);
    }
}
