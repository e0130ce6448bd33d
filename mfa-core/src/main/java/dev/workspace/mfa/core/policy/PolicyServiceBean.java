package dev.workspace.mfa.core.policy;

import dev.workspace.mfa.core.account.AccountSummary;
import dev.workspace.mfa.core.account.AdminActionRefusedException;
import dev.workspace.mfa.core.account.AdminActionRefusedException.Reason;
import dev.workspace.mfa.core.audit.Actor;
import dev.workspace.mfa.core.audit.Actors;
import dev.workspace.mfa.core.audit.AuditLog;
import dev.workspace.mfa.core.audit.Client;
import dev.workspace.mfa.core.config.MfaSettings;
import dev.workspace.mfa.core.verification.SecondFactorVerification;
import dev.workspace.mfa.persistence.account.Role;
import dev.workspace.mfa.persistence.account.UserAccount;
import dev.workspace.mfa.persistence.audit.AuditEventType;
import dev.workspace.mfa.persistence.device.RememberedDevice;
import dev.workspace.mfa.persistence.people.WorkspaceGroup;
import dev.workspace.mfa.persistence.policy.PolicyRecord;
import dev.workspace.mfa.persistence.secondfactor.SecondFactorMethod;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

@Stateless
@PermitAll
public class PolicyServiceBean implements PolicyService {

    private static final Set<String> METHODS = Arrays.stream(SecondFactorMethod.values()).map(Enum::name)
            .collect(Collectors.toUnmodifiableSet());
    private static final int MAX_GROUPS = 100;
    private static final int MAX_DETAIL = 500;

    @PersistenceContext(unitName = "mfa")
    private EntityManager em;

    @Inject
    private MfaSettings settings;

    @Inject
    private Actors actors;

    @Inject
    private AuditLog audit;

    @Inject
    private SecondFactorVerification verification;

    @Inject
    private Clock clock;

    @Inject
    private PolicyCache cache;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    @Override
    public WorkspacePolicy current() {
        return cache.get(clock.instant(), this::stored);
    }

    private WorkspacePolicy stored() {
        return em.createNamedQuery(PolicyRecord.NEWEST_FIRST, PolicyRecord.class).setMaxResults(1).getResultStream()
                .findFirst().map(PolicyServiceBean::policyOf).orElseGet(this::seed);
    }

    /** From the environment, for a database whose owner has not decided yet; "required" then means since ever. */
    private WorkspacePolicy seed() {
        boolean required = settings.twoFactorRequired();
        return new WorkspacePolicy(required, 0, required ? Instant.EPOCH : null, settings.allowedMethods(),
                settings.recoveryCodesReviewable(), 30, settings.adminsRequireTwoFactor(), Set.of(), Set.of());
    }

    @Override
    public TwoFactorRequirement requirementFor(long userId) {
        return requirementFor(em.find(UserAccount.class, userId));
    }

    @Override
    public Optional<AccountStanding> standingOf(long userId) {
        return Optional.ofNullable(em.find(UserAccount.class, userId))
                .map(account -> new AccountStanding(AccountSummary.of(account), requirementFor(account)));
    }

    private TwoFactorRequirement requirementFor(UserAccount account) {
        String activeMethod = verification.active(account.getId()).map(credential -> credential.getMethod().name())
                .orElse(null);
        return PolicyRules.requirementFor(current(), facts(account, activeMethod), clock.instant(), settings.timeZone());
    }

    @Override
    @RolesAllowed({"admin", "owner"})
    public Map<TwoFactorRequirement.Level, Set<Long>> peopleWithoutTwoFactor() {
        WorkspacePolicy policy = current();
        Instant now = clock.instant();
        ZoneId zone = settings.timeZone();
        // Roles and groups of all of them in a few queries, not two per person.
        return em.createNamedQuery(UserAccount.ACTIVE_WITHOUT_SECOND_FACTOR, UserAccount.class)
                .setParameter("yes", Boolean.TRUE)
                // EclipseLink would otherwise write the boolean as 1, which H2 refuses (docs/architecture.md).
                .setHint("eclipselink.jdbc.bind-parameters", "true")
                .setHint("eclipselink.batch", "u.roles").setHint("eclipselink.batch", "u.groups")
                .setHint("eclipselink.batch.type", "IN")
                .getResultStream()
                .collect(Collectors.groupingBy(account -> PolicyRules.requirementFor(policy, facts(account, null), now, zone).level(),
                        () -> new EnumMap<>(TwoFactorRequirement.Level.class),
                        Collectors.mapping(UserAccount::getId, Collectors.toSet())));
    }

    private static PersonFacts facts(UserAccount account, String activeMethod) {
        return new PersonFacts(account.getRoles().stream().map(Role::roleName).collect(Collectors.toSet()),
                account.getGroups().stream().map(WorkspaceGroup::getNameKey).collect(Collectors.toSet()),
                account.getCreatedAt().toInstant(ZoneOffset.UTC), activeMethod, account.isTwoFactorPromptDismissed());
    }

    @Override
    @RolesAllowed("owner")
    public WorkspacePolicy change(WorkspacePolicy requested, Client client) {
        Actor actor = actors.current();
        WorkspacePolicy before = stored();
        if (!METHODS.containsAll(requested.allowedMethods()) || requested.allowedMethods().isEmpty()
                || requested.enforceGroups().size() > MAX_GROUPS || requested.excludeGroups().size() > MAX_GROUPS
                || Stream.concat(requested.enforceGroups().stream(), requested.excludeGroups().stream())
                .anyMatch(name -> name.contains(";") || name.length() > WorkspaceGroup.MAX_NAME_LENGTH)) {
            throw new AdminActionRefusedException(Reason.INVALID_POLICY);
        }
        // Whole seconds: what is returned equals what the database gives back later, whatever its precision.
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant requiredSince = !requested.requireTwoFactor() ? null
                : before.requireTwoFactor() ? before.requiredSince() : now;
        WorkspacePolicy after = new WorkspacePolicy(requested.requireTwoFactor(), requested.graceDays(), requiredSince,
                requested.allowedMethods(), requested.recoveryCodesViewable(), requested.rememberDeviceDays(),
                requested.adminsRequireTwoFactor(), keys(requested.enforceGroups()), keys(requested.excludeGroups()));
        // The bootstrap token is no person who could be locked out; provisioning may switch a requirement on.
        if (actor.accountId() != null && !PolicyRules.ownerMayChange(before, after,
                verification.active(actor.accountId()).isPresent())) {
            throw new AdminActionRefusedException(Reason.OWNER_NEEDS_TWO_FACTOR);
        }
        String changes = differences(before, after);
        if (changes.isEmpty()) {
            return before;
        }
        em.persist(new PolicyRecord(after.requireTwoFactor(), after.graceDays(), utc(after.requiredSince()),
                joined(after.allowedMethods()), after.recoveryCodesViewable(), after.rememberDeviceDays(),
                after.adminsRequireTwoFactor(), joined(after.enforceGroups()), joined(after.excludeGroups()),
                LocalDateTime.ofInstant(now, ZoneOffset.UTC), actor.name()));
        forgetCachedPolicyAfterCommit();
        audit.recordBy(actor, AuditEventType.POLICY_CHANGED, actor.accountId(), actor.name(), client.address(),
                changes.length() <= MAX_DETAIL ? changes : changes.substring(0, MAX_DETAIL - 1) + "…");
        if (after.rememberDeviceDays() == 0 && before.rememberDeviceDays() > 0) {
            // "Remember this device" turned off: no browser skips the second step any more, and none is listed.
            em.createNamedQuery(RememberedDevice.DELETE_ALL).executeUpdate();
        }
        return after;
    }

    /** "graceDays 0 -> 7; requireTwoFactor false -> true": what an auditor needs, old and new. */
    static String differences(WorkspacePolicy before, WorkspacePolicy after) {
        List<String> changed = new ArrayList<>();
        compare(changed, "requireTwoFactor", before.requireTwoFactor(), after.requireTwoFactor());
        compare(changed, "graceDays", before.graceDays(), after.graceDays());
        compare(changed, "allowedMethods", new TreeSet<>(before.allowedMethods()), new TreeSet<>(after.allowedMethods()));
        compare(changed, "recoveryCodesViewable", before.recoveryCodesViewable(), after.recoveryCodesViewable());
        compare(changed, "rememberDeviceDays", before.rememberDeviceDays(), after.rememberDeviceDays());
        compare(changed, "adminsRequireTwoFactor", before.adminsRequireTwoFactor(), after.adminsRequireTwoFactor());
        compare(changed, "enforceGroups", new TreeSet<>(before.enforceGroups()), new TreeSet<>(after.enforceGroups()));
        compare(changed, "excludeGroups", new TreeSet<>(before.excludeGroups()), new TreeSet<>(after.excludeGroups()));
        return String.join("; ", changed);
    }

    /** Once the new version is committed (a reader before that would cache the old one again), or rolled back. */
    private void forgetCachedPolicyAfterCommit() {
        cache.forget();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                cache.forget();
            }
        });
    }

    private static void compare(List<String> changed, String field, Object before, Object after) {
        if (!before.equals(after)) {
            changed.add(field + " " + before + " -> " + after);
        }
    }

    private static Set<String> keys(Set<String> groupNames) {
        return groupNames.stream().filter(name -> !name.isBlank()).map(WorkspaceGroup::keyOf).collect(Collectors.toSet());
    }

    private static WorkspacePolicy policyOf(PolicyRecord record) {
        return new WorkspacePolicy(record.isRequireTwoFactor(), record.getGraceDays(),
                record.getRequiredSince() == null ? null : record.getRequiredSince().toInstant(ZoneOffset.UTC),
                split(record.getAllowedMethods()), record.isRecoveryCodesViewable(), record.getRememberDeviceDays(),
                record.isAdminsRequireTwoFactor(), split(record.getEnforceGroups()), split(record.getExcludeGroups()));
    }

    private static Set<String> split(String list) {
        return Arrays.stream(list.split(";")).filter(item -> !item.isEmpty()).collect(Collectors.toSet());
    }

    private static String joined(Set<String> items) {
        return String.join(";", new TreeSet<>(items));
    }

    private static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
