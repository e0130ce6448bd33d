package dev.workspace.mfa.core.policy;

import java.io.Serializable;
import java.time.Instant;
import java.util.Set;

/**
 * What the workspace owner decided. Group names are the lower-case keys groups are matched by.
 *
 * @param requireTwoFactor        "Require 2FA for all users" (or, with {@code enforceGroups}, for those groups)
 * @param graceDays               days from when the rule starts applying to a person; 0 = at the next sign-in
 * @param requiredSince           when {@code requireTwoFactor} was last switched on (null: while it is off, or in a
 *                                change an owner asks for, where the policy service sets it)
 * @param adminsRequireTwoFactor  admins and owners need 2FA at once, whatever the rule above says
 * @param enforceGroups           when not empty, the rule covers only members of these groups
 * @param excludeGroups           members of these groups are not covered (unless an enforced group covers them)
 */
public record WorkspacePolicy(boolean requireTwoFactor, int graceDays, Instant requiredSince, Set<String> allowedMethods,
                              boolean recoveryCodesViewable, int rememberDeviceDays, boolean adminsRequireTwoFactor,
                              Set<String> enforceGroups, Set<String> excludeGroups) implements Serializable {

    public static final int MAX_GRACE_DAYS = 365;
    public static final int MAX_REMEMBER_DEVICE_DAYS = 365;

    public WorkspacePolicy {
        allowedMethods = Set.copyOf(allowedMethods);
        enforceGroups = Set.copyOf(enforceGroups);
        excludeGroups = Set.copyOf(excludeGroups);
        if (graceDays < 0 || graceDays > MAX_GRACE_DAYS || rememberDeviceDays < 0
                || rememberDeviceDays > MAX_REMEMBER_DEVICE_DAYS) {
            throw new IllegalArgumentException("grace and remember-device days are 0 to 365");
        }
    }
}
