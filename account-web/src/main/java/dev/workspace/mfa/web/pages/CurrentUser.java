package dev.workspace.mfa.web.pages;

import dev.workspace.mfa.core.config.MfaSettings;
import dev.workspace.mfa.persistence.account.Role;
import dev.workspace.mfa.web.security.SignInSession;
import dev.workspace.mfa.web.security.SignedInUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * The person signed in on this request, for pages: name, email, whether they may open the admin console, and what the
 * workspace policy asks of them (2FA due now, or by a date; a method to replace).
 */
@Named
@RequestScoped
public class CurrentUser {

    @Inject
    private FacesContext facesContext;

    @Inject
    private Clock clock;

    @Inject
    private MfaSettings settings;

    private Optional<SignedInUser> user() {
        return SignInSession.signedInUser((HttpServletRequest) facesContext.getExternalContext().getRequest(), clock);
    }

    public boolean isSignedIn() {
        return user().isPresent();
    }

    public String getDisplayName() {
        return user().map(SignedInUser::displayName).orElse("");
    }

    public String getEmail() {
        return user().map(SignedInUser::email).orElse("");
    }

    /** The signed-in person's account id; only pages behind the sign-in constraint ask for it. */
    public long accountId() {
        return user().map(SignedInUser::accountId).orElseThrow(() -> new IllegalStateException("nobody is signed in"));
    }

    public boolean isAdministrator() {
        return user().map(u -> u.hasRole(Role.ADMIN) || u.hasRole(Role.OWNER)).orElse(false);
    }

    /** Two-factor authentication is due: the pages offer nothing but setting it up (and signing out). */
    public boolean isSetUpDue() {
        return user().map(u -> u.setUpDue(clock.instant())).orElse(false);
    }

    public boolean isInGracePeriod() {
        return user().map(u -> u.inGracePeriod(clock.instant())).orElse(false);
    }

    /** The grace period's last day, as "14 Dec 2026" in the workspace's time zone. */
    public String getSetUpDeadline() {
        return user().filter(u -> u.setUpBy() != null)
                .map(u -> DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).format(u.setUpBy().atZone(settings.timeZone())))
                .orElse("");
    }

    /** The person's method is one the workspace no longer allows. */
    public boolean isReplaceMethod() {
        return user().map(SignedInUser::replaceMethod).orElse(false);
    }

    public boolean isOwner() {
        return user().map(u -> u.hasRole(Role.OWNER)).orElse(false);
    }
}
