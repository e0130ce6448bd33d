package dev.workspace.mfa.web.admin;

import dev.workspace.mfa.core.account.AdminActionRefusedException;
import dev.workspace.mfa.core.policy.PolicyService;
import dev.workspace.mfa.core.policy.WorkspacePolicy;
import dev.workspace.mfa.core.secondfactor.TwoFactorService;
import dev.workspace.mfa.web.faces.Messages;
import dev.workspace.mfa.web.pages.CurrentUser;
import dev.workspace.mfa.web.security.ClientAddress;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** {@code /admin/policy}: the owner reads the workspace policy and saves a change; the rules are the policy service's. */
@Named
@RequestScoped
public class PolicyBean {

    @Inject
    private PolicyService policies;

    @Inject
    private TwoFactorService twoFactor;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private ClientAddress clientAddress;

    @Inject
    private FacesContext facesContext;

    private boolean requireTwoFactor;
    private int graceDays;
    private List<String> allowedMethods;
    private boolean recoveryCodesViewable;
    private int rememberDeviceDays;
    private boolean adminsRequireTwoFactor;
    private String enforceGroups;
    private String excludeGroups;
    private WorkspacePolicy inForce;
    private Boolean ownerWithoutTwoFactor;

    /** The form starts from the policy in force; a postback then puts the submitted values over it. */
    @PostConstruct
    void load() {
        inForce = policies.current();
        requireTwoFactor = inForce.requireTwoFactor();
        graceDays = inForce.graceDays();
        allowedMethods = new ArrayList<>(inForce.allowedMethods());
        recoveryCodesViewable = inForce.recoveryCodesViewable();
        rememberDeviceDays = inForce.rememberDeviceDays();
        adminsRequireTwoFactor = inForce.adminsRequireTwoFactor();
        enforceGroups = String.join(", ", new TreeSet<>(inForce.enforceGroups()));
        excludeGroups = String.join(", ", new TreeSet<>(inForce.excludeGroups()));
    }

    public void save() {
        try {
            WorkspacePolicy after = policies.change(new WorkspacePolicy(requireTwoFactor, graceDays, null,
                    Set.copyOf(allowedMethods), recoveryCodesViewable, rememberDeviceDays, adminsRequireTwoFactor,
                    names(enforceGroups), names(excludeGroups)), clientAddress.client(request()));
            Messages.info(facesContext, after.equals(inForce) ? "policy.unchanged" : "policy.saved");
        } catch (IllegalArgumentException outOfBounds) {
            refused("policy.invalid");
        } catch (AdminActionRefusedException refused) {
            refused("people.refused." + refused.reason().name());
        }
    }

    /** The page says so before the owner tries: a requirement they do not meet would lock them out. */
    public boolean isOwnerWithoutTwoFactor() {
        if (ownerWithoutTwoFactor == null) {
            ownerWithoutTwoFactor = !twoFactor.isEnabled(currentUser.accountId());
        }
        return ownerWithoutTwoFactor;
    }

    private void refused(String key) {
        Messages.error(facesContext, null, key);
        facesContext.getExternalContext().setResponseStatus(400);
    }

    private static Set<String> names(String commaSeparated) {
        return commaSeparated == null ? Set.of() : Arrays.stream(commaSeparated.split(",")).map(String::strip)
                .filter(name -> !name.isEmpty()).collect(Collectors.toSet());
    }

    private HttpServletRequest request() {
        return (HttpServletRequest) facesContext.getExternalContext().getRequest();
    }

    public boolean isRequireTwoFactor() { return requireTwoFactor; }
    public void setRequireTwoFactor(boolean requireTwoFactor) { this.requireTwoFactor = requireTwoFactor; }
    public int getGraceDays() { return graceDays; }
    public void setGraceDays(int graceDays) { this.graceDays = graceDays; }
    public List<String> getAllowedMethods() { return allowedMethods; }
    public void setAllowedMethods(List<String> allowedMethods) { this.allowedMethods = allowedMethods; }
    public boolean isRecoveryCodesViewable() { return recoveryCodesViewable; }
    public void setRecoveryCodesViewable(boolean recoveryCodesViewable) { this.recoveryCodesViewable = recoveryCodesViewable; }
    public int getRememberDeviceDays() { return rememberDeviceDays; }
    public void setRememberDeviceDays(int rememberDeviceDays) { this.rememberDeviceDays = rememberDeviceDays; }
    public boolean isAdminsRequireTwoFactor() { return adminsRequireTwoFactor; }
    public void setAdminsRequireTwoFactor(boolean adminsRequireTwoFactor) { this.adminsRequireTwoFactor = adminsRequireTwoFactor; }
    public String getEnforceGroups() { return enforceGroups; }
    public void setEnforceGroups(String enforceGroups) { this.enforceGroups = enforceGroups; }
    public String getExcludeGroups() { return excludeGroups; }
    public void setExcludeGroups(String excludeGroups) { this.excludeGroups = excludeGroups; }
}
