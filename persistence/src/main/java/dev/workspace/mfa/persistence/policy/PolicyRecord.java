package dev.workspace.mfa.persistence.policy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.LocalDateTime;

/** One version of the workspace policy, written once and never changed. */
@Entity
@Table(name = "workspace_policy")
@NamedQuery(name = PolicyRecord.NEWEST_FIRST, query = "SELECT p FROM PolicyRecord p ORDER BY p.id DESC")
public class PolicyRecord {

    public static final String NEWEST_FIRST = "PolicyRecord.newestFirst";

    @Id
    @SequenceGenerator(name = "workspace_policy_seq", sequenceName = "workspace_policy_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "workspace_policy_seq")
    private Long id;

    @Column(name = "require_two_factor", nullable = false)
    private boolean requireTwoFactor;

    @Column(name = "grace_days", nullable = false)
    private int graceDays;

    @Column(name = "required_since")
    private LocalDateTime requiredSince;

    @Column(name = "allowed_methods", nullable = false, length = 100)
    private String allowedMethods;

    @Column(name = "recovery_codes_viewable", nullable = false)
    private boolean recoveryCodesViewable;

    @Column(name = "remember_device_days", nullable = false)
    private int rememberDeviceDays;

    @Column(name = "admins_require_two_factor", nullable = false)
    private boolean adminsRequireTwoFactor;

    @Column(name = "enforce_groups", nullable = false, length = 4000)
    private String enforceGroups;

    @Column(name = "exclude_groups", nullable = false, length = 4000)
    private String excludeGroups;

    @Column(name = "changed_at", nullable = false)
    private LocalDateTime changedAt;

    @Column(name = "changed_by", nullable = false, length = 254)
    private String changedBy;

    protected PolicyRecord() {
        // for JPA
    }

    public PolicyRecord(boolean requireTwoFactor, int graceDays, LocalDateTime requiredSince, String allowedMethods,
                        boolean recoveryCodesViewable, int rememberDeviceDays, boolean adminsRequireTwoFactor,
                        String enforceGroups, String excludeGroups, LocalDateTime changedAt, String changedBy) {
        this.requireTwoFactor = requireTwoFactor;
        this.graceDays = graceDays;
        this.requiredSince = requiredSince;
        this.allowedMethods = allowedMethods;
        this.recoveryCodesViewable = recoveryCodesViewable;
        this.rememberDeviceDays = rememberDeviceDays;
        this.adminsRequireTwoFactor = adminsRequireTwoFactor;
        this.enforceGroups = enforceGroups;
        this.excludeGroups = excludeGroups;
        this.changedAt = changedAt;
        this.changedBy = changedBy;
    }

    public Long getId() {
        return id;
    }

    public boolean isRequireTwoFactor() {
        return requireTwoFactor;
    }

    public int getGraceDays() {
        return graceDays;
    }

    public LocalDateTime getRequiredSince() {
        return requiredSince;
    }

    public String getAllowedMethods() {
        return allowedMethods;
    }

    public boolean isRecoveryCodesViewable() {
        return recoveryCodesViewable;
    }

    public int getRememberDeviceDays() {
        return rememberDeviceDays;
    }

    public boolean isAdminsRequireTwoFactor() {
        return adminsRequireTwoFactor;
    }

    public String getEnforceGroups() {
        return enforceGroups;
    }

    public String getExcludeGroups() {
        return excludeGroups;
    }

    public LocalDateTime getChangedAt() {
        return changedAt;
    }

    public String getChangedBy() {
        return changedBy;
    }
}
