package dev.workspace.mfa.admin.adoption;

import dev.workspace.mfa.core.config.MfaSettings;
import dev.workspace.mfa.core.policy.PolicyService;
import dev.workspace.mfa.core.policy.TwoFactorRequirement;
import dev.workspace.mfa.persistence.audit.AuditEventType;
import dev.workspace.mfa.persistence.secondfactor.SecondFactorMethod;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Counts in the database; who is within a grace period or past it comes from the policy service, person by person.
 * Enrollments are the audit trail's "2FA enabled" events, so the chart reaches back as far as audit retention.
 */
@Stateless
@RolesAllowed("owner")
public class AdoptionReportBean implements AdoptionReport {

    /** Booleans bound, not written as 1, which H2 refuses (docs/architecture.md). */
    private static final String BIND_PARAMETERS = "eclipselink.jdbc.bind-parameters";

    @PersistenceContext(unitName = "mfa")
    private EntityManager em;

    @Inject
    private PolicyService policies;

    @Inject
    private MfaSettings settings;

    @Inject
    private Clock clock;

    @Override
    public Adoption current() {
        long people = em.createQuery("SELECT COUNT(u) FROM UserAccount u WHERE u.enabled = :yes", Long.class)
                .setHint(BIND_PARAMETERS, "true").setParameter("yes", Boolean.TRUE).getSingleResult();
        Map<SecondFactorMethod, Long> counted = em.createQuery("SELECT c.method, COUNT(c) FROM SecondFactorCredential c"
                        + " WHERE c.userId IN (SELECT u.id FROM UserAccount u WHERE u.enabled = :yes) GROUP BY c.method",
                        Object[].class)
                .setHint(BIND_PARAMETERS, "true").setParameter("yes", Boolean.TRUE).getResultStream()
                .collect(Collectors.toMap(row -> (SecondFactorMethod) row[0], row -> (Long) row[1]));
        Map<String, Long> byMethod = Arrays.stream(SecondFactorMethod.values()).collect(Collectors.toMap(Enum::name,
                method -> counted.getOrDefault(method, 0L), (a, b) -> a, LinkedHashMap::new));
        Map<TwoFactorRequirement.Level, Set<Long>> without = policies.peopleWithoutTwoFactor();
        return new Adoption(people, byMethod.values().stream().mapToLong(Long::longValue).sum(), byMethod,
                without.getOrDefault(TwoFactorRequirement.Level.REQUIRED_BY_DEADLINE, Set.of()).size(),
                without.getOrDefault(TwoFactorRequirement.Level.REQUIRED_NOW, Set.of()).size(), enrollments());
    }

    /** Week by week, Monday to Sunday in the workspace's time zone, the current week last. */
    private List<WeeklyEnrollments> enrollments() {
        ZoneId zone = settings.timeZone();
        LocalDate thisMonday = LocalDate.now(clock.withZone(zone)).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate firstMonday = thisMonday.minusWeeks(WEEKS - 1L);
        LocalDateTime since = firstMonday.atStartOfDay(zone).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
        Map<LocalDate, Long> perWeek = em.createQuery("SELECT e.occurredAt FROM AuditEvent e"
                        + " WHERE e.type = :type AND e.occurredAt >= :since", LocalDateTime.class)
                .setParameter("type", AuditEventType.TWO_FACTOR_ENABLED).setParameter("since", since)
                .getResultStream()
                .map(at -> at.atOffset(ZoneOffset.UTC).atZoneSameInstant(zone).toLocalDate()
                        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        return IntStream.range(0, WEEKS).mapToObj(firstMonday::plusWeeks)
                .map(monday -> new WeeklyEnrollments(monday, perWeek.getOrDefault(monday, 0L))).toList();
    }
}
