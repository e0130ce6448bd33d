package dev.workspace.mfa.web.security;

import dev.workspace.mfa.core.account.AccountService;
import dev.workspace.mfa.core.account.AccountSummary;
import dev.workspace.mfa.core.secondfactor.CodeCheck;
import dev.workspace.mfa.core.secondfactor.CodeKind;
import dev.workspace.mfa.core.secondfactor.TwoFactorService;
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
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Optional;

/**
 * The two-step sign-in mechanism. The sign-in pages hand it a {@link UsernamePasswordCredential} or a
 * {@link SecondFactorCredential} through {@code SecurityContext.authenticate}. After the password, a person with
 * two-factor authentication holds only a {@link PendingSignIn} and is sent to {@code /login/verify}; after the code,
 * they are signed in. On later requests it re-announces the user kept in the session, so any node holding a
 * replicated session recognises the caller (docs/architecture.md#sign-in-mechanism). Signed-out requests for protected pages are sent to
 * {@code /login}, remembering where they were going.
 */
@ApplicationScoped
public class SignInMechanism implements HttpAuthenticationMechanism {

    /** Request attribute with the {@link SignInResult} of a password step, for the page to explain it. */
    public static final String PASSWORD_RESULT = "mfa.passwordResult";
    /** Request attribute with the {@link CodeCheck} of a second step; absent when no sign-in was pending. */
    public static final String CODE_RESULT = "mfa.codeResult";
    public static final String LOGIN_PATH = "/login";
    public static final String SECOND_STEP_PATH = "/login/verify";

    @Inject
    private PasswordSignInService passwordSignIn;

    @Inject
    private TwoFactorService twoFactor;

    @Inject
    private AccountService accounts;

    @Inject
    private Clock clock;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential instanceof UsernamePasswordCredential password) {
            return passwordStep(password, request, response, context);
        }
        if (credential instanceof SecondFactorCredential code) {
            return secondStep(code, request, context);
        }
        Optional<SignedInUser> user = SignInSession.signedInUser(request, clock);
        if (user.isPresent()) {
            return context.notifyContainerAboutLogin(user.get().email(), user.get().groups());
        }
        if (context.isProtected()) {
            SignInSession.rememberReturnPath(request);
            boolean pending = SignInSession.pendingSignIn(request, clock).isPresent();
            return redirect(request, response, pending ? SECOND_STEP_PATH : LOGIN_PATH);
        }
        return context.doNothing();
    }

    private AuthenticationStatus passwordStep(UsernamePasswordCredential credential, HttpServletRequest request,
                                              HttpServletResponse response, HttpMessageContext context) {
        SignInResult result = passwordSignIn.checkPassword(credential.getCaller(), credential.getPasswordAsString(),
                request.getRemoteAddr());
        request.setAttribute(PASSWORD_RESULT, result);
        if (result.outcome() != SignInResult.Outcome.PASSWORD_ACCEPTED) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        long accountId = result.account().id();
        if (result.secondStepRequired()) {
            SignInSession.beginSecondStep(request, new PendingSignIn(accountId, result.account().email(), clock.instant()));
            return redirect(request, response, SECOND_STEP_PATH);
        }
        return signIn(request, context, accountId);
    }

    private AuthenticationStatus secondStep(SecondFactorCredential credential, HttpServletRequest request,
                                            HttpMessageContext context) {
        Optional<PendingSignIn> pending = SignInSession.pendingSignIn(request, clock);
        if (pending.isEmpty()) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        CodeCheck check = twoFactor.checkCode(pending.get().accountId(), credential.kind(), credential.code(),
                request.getRemoteAddr());
        request.setAttribute(CODE_RESULT, check);
        if (!check.accepted()) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        AuthenticationStatus status = signIn(request, context, pending.get().accountId());
        if (status == AuthenticationStatus.SUCCESS && credential.kind() == CodeKind.RECOVERY_CODE) {
            SignInSession.noteRecoveryCodesLeft(request, check.recoveryCodesLeft());
        }
        return status;
    }

    /** Completes sign-in, unless the account was disabled meanwhile (between the password and the code). */
    private AuthenticationStatus signIn(HttpServletRequest request, HttpMessageContext context, long accountId) {
        Optional<AccountSummary> account = accounts.findById(accountId).filter(AccountSummary::enabled);
        if (account.isEmpty()) {
            request.removeAttribute(CODE_RESULT);
            return AuthenticationStatus.SEND_FAILURE;
        }
        SignedInUser user = SignedInUser.of(account.get(), clock.instant());
        SignInSession.signIn(request, user);
        return context.notifyContainerAboutLogin(user.email(), user.groups());
    }

    /** A Faces AJAX request cannot follow a 302; it gets a partial-response redirect instead. */
    private static AuthenticationStatus redirect(HttpServletRequest request, HttpServletResponse response, String path) {
        String target = request.getContextPath() + path;
        try {
            if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
                response.setContentType("text/xml");
                response.setCharacterEncoding("UTF-8");
                response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                        + target + "\"/></partial-response>");
            } else {
                response.sendRedirect(target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_CONTINUE;
    }
}
