package dev.workspace.mfa.web.pages;

import dev.workspace.mfa.persistence.account.Role;
import dev.workspace.mfa.web.security.SignInSession;
import dev.workspace.mfa.web.security.SignedInUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import java.time.Clock;
import java.util.Optional;

/** The person signed in on this request, for pages: name, email, whether they may open the admin console. */
@Named
@RequestScoped
public class CurrentUser {

    @Inject
    private FacesContext facesContext;

    @Inject
    private Clock clock;

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

    public boolean isOwner() {
        return user().map(u -> u.hasRole(Role.OWNER)).orElse(false);
    }
}
