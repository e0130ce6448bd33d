package dev.workspace.mfa.admin.adoption;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The adoption figures at one moment, over active people.
 *
 * @param byMethod      people with 2FA by method name, every method present, in the order pages list them
 * @param inGracePeriod people without 2FA that the policy requires it of by a deadline still ahead
 * @param pastDeadline  people without 2FA that the policy requires it of now (they can only enroll at sign-in)
 * @param enrollments   the last {@value AdoptionReport#WEEKS} weeks, oldest first
 */
public record Adoption(long people, long withTwoFactor, Map<String, Long> byMethod, long inGracePeriod,
                       long pastDeadline, List<WeeklyEnrollments> enrollments) implements Serializable {

    public Adoption {
        byMethod = Collections.unmodifiableMap(new LinkedHashMap<>(byMethod));
        enrollments = List.copyOf(enrollments);
    }

    public long withoutTwoFactor() {
        return people - withTwoFactor;
    }

    /** Whole per cent of people with 2FA; 0 in an empty workspace. */
    public long percentWithTwoFactor() {
        return people == 0 ? 0 : Math.round(100.0 * withTwoFactor / people);
    }
}
