package dev.workspace.mfa.web.security;

import dev.workspace.mfa.core.signin.PasswordSignInService;
import dev.workspace.mfa.core.signin.SignInResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

/**
 * The sign-in mechanism. The sign-in page hands it a {@link UsernamePasswordCredential} through
 * {@code SecurityContext.authenticate}; on later requests it re-announces the user kept in the session, so any node
 * holding a replicated session recognises the caller (STACK pitfall 9). Signed-out requests for protected pages are
 * sent to {@code /login}, remembering where they were going.
 */
@ApplicationScoped
public class SignInMechanism implements HttpAuthenticationMechanism {

    /** Request attribute with the {@link SignInResult} of a password step, for the page to explain it. */
    public static final String PASSWORD_RESULT = "mfa.passwordResult";
    public static final String LOGIN_PATH = "/login";

    @Inject
    private PasswordSignInService passwordSignIn;

    @Inject
    private Clock clock;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential instanceof UsernamePasswordCredential password) {
            return passwordStep(password, request, context);
        }
        Optional<SignedInUser> user = SignInSession.signedInUser(request, clock);
        if (user.isPresent()) {
            return context.notifyContainerAboutLogin(user.get().email(), user.get().groups());
        }
        if (context.isProtected()) {
            SignInSession.rememberReturnPath(request);
            return redirectToLogin(request, response);
        }
        return context.doNothing();
    }

    private AuthenticationStatus passwordStep(UsernamePasswordCredential credential, HttpServletRequest request,
                                              HttpMessageContext context) {
        SignInResult result = passwordSignIn.checkPassword(credential.getCaller(), credential.getPasswordAsString(),
                request.getRemoteAddr());
        request.setAttribute(PASSWORD_RESULT, result);
        if (result.outcome() != SignInResult.Outcome.PASSWORD_ACCEPTED) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        SignedInUser user = SignedInUser.of(result.account(), clock.instant());
        SignInSession.signIn(request, user);
        return context.notifyContainerAboutLogin(user.email(), user.groups());
    }

    /** A Faces AJAX request cannot follow a 302; it gets a partial-response redirect instead. */
    private static AuthenticationStatus redirectToLogin(HttpServletRequest request, HttpServletResponse response) {
        String login = request.getContextPath() + LOGIN_PATH;
        try {
            if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
                response.setContentType("text/xml");
                response.setCharacterEncoding("UTF-8");
                response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                        + login + "\"/></partial-response>");
            } else {
                response.sendRedirect(login);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_CONTINUE;
    }
}
