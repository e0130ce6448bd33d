package dev.workspace.mfa.admin.tokens;

import dev.workspace.mfa.core.account.AdminActionRefusedException;
import dev.workspace.mfa.core.audit.Actor;
import dev.workspace.mfa.core.audit.Actors;
import dev.workspace.mfa.core.audit.AuditLog;
import dev.workspace.mfa.core.audit.Client;
import dev.workspace.mfa.core.config.MfaSettings;
import dev.workspace.mfa.core.crypto.KeyedHash;
import dev.workspace.mfa.core.crypto.RandomTokens;
import dev.workspace.mfa.core.crypto.ServerKeys;
import dev.workspace.mfa.core.policy.PolicyService;
import dev.workspace.mfa.core.policy.TwoFactorRequirement;
import dev.workspace.mfa.persistence.account.Role;
import dev.workspace.mfa.persistence.account.UserAccount;
import dev.workspace.mfa.persistence.audit.AuditEventType;
import dev.workspace.mfa.persistence.people.ApiToken;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

@Stateless
@RolesAllowed({"admin", "owner"})
public class ApiTokensBean implements ApiTokens {

    /** Tokens start with this, so secret scanners and people recognise them. */
    static final String PREFIX = "wsk_";
    private static final int MAX_NAME_LENGTH = 100;
    /** "Last used" is written at most once a minute per token, not on every request. */
    private static final Duration LAST_USE_RESOLUTION = Duration.ofMinutes(1);

    @PersistenceContext(unitName = "mfa")
    private EntityManager em;

    @Inject
    private ServerKeys keys;

    @Inject
    private MfaSettings settings;

    @Inject
    private Actors actors;

    @Inject
    private PolicyService policies;

    @Inject
    private AuditLog audit;

    @Inject
    private Clock clock;

    @Override
    public NewApiToken create(String name, int validDays, Client client) {
        Actor actor = actors.current();
        String stripped = name == null ? "" : name.strip();
        if (actor.accountId() == null || stripped.isEmpty() || stripped.length() > MAX_NAME_LENGTH
                || validDays < 1 || validDays > MAX_DAYS) {
            throw new AdminActionRefusedException(AdminActionRefusedException.Reason.INVALID_NAME);
        }
        String secret = PREFIX + RandomTokens.next();
        LocalDateTime now = LocalDateTime.now(clock);
        UserAccount owner = em.find(UserAccount.class, actor.accountId());
        ApiToken token = new ApiToken(owner.getId(), owner.getSessionGeneration(), stripped, hash(secret), now,
                now.plusDays(validDays));
        em.persist(token);
        em.flush();
        audit.recordBy(actor, AuditEventType.API_TOKEN_CREATED, actor.accountId(), actor.name(), client.address(),
                "token \"" + stripped + "\" valid " + validDays + " days");
        return new NewApiToken(view(token, now, owner.getSessionGeneration()), secret);
    }

    @Override
    public List<ApiTokenView> mine() {
        Actor actor = actors.current();
        LocalDateTime now = LocalDateTime.now(clock);
        int generation = em.find(UserAccount.class, actor.accountId()).getSessionGeneration();
        return em.createNamedQuery(ApiToken.FOR_OWNER, ApiToken.class).setParameter("ownerId", actor.accountId())
                .getResultList().stream().map(token -> view(token, now, generation)).toList();
    }

    @Override
    public void revoke(long id, Client client) {
        Actor actor = actors.current();
        ApiToken token = em.find(ApiToken.class, id);
        if (token == null || !actor.is(token.getOwnerId())) {
            throw new AdminActionRefusedException(AdminActionRefusedException.Reason.NOT_FOUND);
        }
        if (token.getRevokedAt() == null) {
            token.setRevokedAt(LocalDateTime.now(clock));
            audit.recordBy(actor, AuditEventType.API_TOKEN_REVOKED, actor.accountId(), actor.name(), client.address(),
                    "token \"" + token.getName() + "\"");
        }
    }

    @Override
    @PermitAll
    public Optional<ApiCaller> authenticate(String bearerToken) {
        if (bearerToken == null || bearerToken.isEmpty() || bearerToken.length() > 200) {
            return Optional.empty();
        }
        Optional<String> bootstrap = settings.bootstrapApiToken();
        if (bootstrap.isPresent() && MessageDigest.isEqual(bootstrap.get().getBytes(StandardCharsets.UTF_8),
                bearerToken.getBytes(StandardCharsets.UTF_8))) {
            return Optional.of(new ApiCaller(Actor.BOOTSTRAP_TOKEN, Set.of(Role.OWNER.roleName())));
        }
        LocalDateTime now = LocalDateTime.now(clock);
        return em.createNamedQuery(ApiToken.BY_HASH, ApiToken.class).setParameter("hash", hash(bearerToken))
                .getResultStream().findFirst().flatMap(token -> {
                    UserAccount owner = em.find(UserAccount.class, token.getOwnerId());
                    if (owner == null || !token.isValidAt(now, owner.getSessionGeneration()) || !owner.isEnabled()
                            || !(owner.getRoles().contains(Role.ADMIN) || owner.getRoles().contains(Role.OWNER))) {
                        return Optional.empty();
                    }
                    // A token is no way around the policy: while its owner's 2FA is due, it opens nothing either.
                    if (policies.requirementFor(owner.getId()).level() == TwoFactorRequirement.Level.REQUIRED_NOW) {
                        return Optional.empty();
                    }
                    if (token.getLastUsedAt() == null || token.getLastUsedAt().plus(LAST_USE_RESOLUTION).isBefore(now)) {
                        token.setLastUsedAt(now);
                    }
                    return Optional.of(new ApiCaller(owner.getEmail(),
                            owner.getRoles().stream().map(Role::roleName).collect(Collectors.toUnmodifiableSet())));
                });
    }

    private String hash(String secret) {
        return KeyedHash.hex(keys.apiTokenKey(), secret);
    }

    private static ApiTokenView view(ApiToken token, LocalDateTime now, int ownerSessionGeneration) {
        return new ApiTokenView(token.getId(), token.getName(), utc(token.getCreatedAt()), utc(token.getExpiresAt()),
                utc(token.getLastUsedAt()), utc(token.getRevokedAt()),
                token.getRevokedAt() != null ? ApiTokenView.State.REVOKED
                        : !token.getExpiresAt().isAfter(now) ? ApiTokenView.State.EXPIRED
                        : token.isValidAt(now, ownerSessionGeneration) ? ApiTokenView.State.ACTIVE : ApiTokenView.State.ENDED);
    }

    private static java.time.Instant utc(LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }
}
