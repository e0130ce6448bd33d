package dev.workspace.mfa.web.pages;

import dev.workspace.mfa.web.faces.Messages;
import dev.workspace.mfa.web.security.OtherSessions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/** "Sign out other sessions" on the security page: every browser but this one is signed out, on every node. */
@Named
@RequestScoped
public class SessionsBean {

    @Inject
    private OtherSessions otherSessions;

    @Inject
    private FacesContext facesContext;

    public void signOutOthers() {
        otherSessions.end((HttpServletRequest) facesContext.getExternalContext().getRequest());
        Messages.info(facesContext, "sessions.ended");
    }
}
