package dev.workspace.mfa.web.security;

import dev.workspace.mfa.admin.tokens.ApiCaller;
import dev.workspace.mfa.admin.tokens.ApiTokens;
import dev.workspace.mfa.core.account.AccountRejectedException;
import dev.workspace.mfa.core.account.AccountService;
import dev.workspace.mfa.core.account.AccountSummary;
import dev.workspace.mfa.core.config.MfaSettings;
import dev.workspace.mfa.core.device.RememberedDevices;
import dev.workspace.mfa.core.method.Challenge;
import dev.workspace.mfa.core.policy.AccountStanding;
import dev.workspace.mfa.core.policy.PolicyService;
import dev.workspace.mfa.core.secondfactor.TwoFactorService;
import dev.workspace.mfa.core.signin.PasswordSignInService;
import dev.workspace.mfa.core.signin.SignInResult;
import dev.workspace.mfa.core.verification.CodeCheck;
import dev.workspace.mfa.core.verification.CodeKind;
import jakarta.annotation.PostConstruct;
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
import java.util.Set;

/**
 * The multi-step sign-in mechanism. The sign-in pages hand it a {@link UsernamePasswordCredential}, then, when the
 * account needs them, a {@link NewPasswordCredential} (a temporary password is replaced first) and a
 * {@link SecondFactorCredential}. Between steps the session holds only a {@link PendingSignIn} that opens nothing but
 * the next step's page. On later requests it re-announces the user kept in the session, so any node holding a
 * replicated session recognises the caller (docs/architecture.md#sign-in-mechanism); before a protected page it checks that
 * the account is still enabled and its sessions were not ended elsewhere. Signed-out requests for protected pages are
 * sent to {@code /login}, remembering where they were going. It also sets the security headers of every response.
 */
@ApplicationScoped
public class SignInMechanism implements HttpAuthenticationMechanism {

    /** Request attribute with the {@link SignInResult} of a password step, for the page to explain it. */
    public static final String PASSWORD_RESULT = "mfa.passwordResult";
    /** Request attribute with the {@link CodeCheck} of a second step; absent when no sign-in was pending. */
    public static final String CODE_RESULT = "mfa.codeResult";
    /** Request attribute with the {@link AccountRejectedException.Reason} a new password was refused for. */
    public static final String NEW_PASSWORD_REFUSAL = "mfa.newPasswordRefusal";
    public static final String LOGIN_PATH = "/login";
    public static final String API_PATH = "/api";
    /** Where a person whose 2FA is due is sent from any other page: the methods to choose from. */
    public static final String SET_UP_PATH = "/account/security";
    /** The only pages that open while 2FA is due (sign-out and the sign-in pages are public anyway). */
    private static final Set<String> ENROLLMENT_PATHS = Set.of(SET_UP_PATH, SET_UP_PATH + ".xhtml",
            "/account/enroll", "/account/enroll.xhtml");

    @Inject
    private PasswordSignInService passwordSignIn;

    @Inject
    private TwoFactorService twoFactor;

    @Inject
    private AccountService accounts;

    @Inject
    private PolicyService policies;

    @Inject
    private RememberedDevices devices;

    @Inject
    private MfaSettings settings;

    @Inject
    private ApiTokens apiTokens;

    @Inject
    private ClientAddress clientAddress;

    @Inject
    private Clock clock;

    /** MFA_PUBLIC_URL is https://; read once, as settings do not change while the application runs. */
    private boolean servedOverHttps;

    @PostConstruct
    void readSettings() {
        servedOverHttps = settings.servedOverHttps();
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        SecurityHeaders.apply(request, response, servedOverHttps);
        if (isApi(request)) {
            return apiCaller(request, response, context);
        }
        Credential credential = context.getAuthParameters().getCredential();
        if (credential instanceof UsernamePasswordCredential password) {
            return passwordStep(password, request, response, context);
        }
        if (credential instanceof NewPasswordCredential newPassword) {
            return newPasswordStep(newPassword, request, response, context);
        }
        if (credential instanceof SecondFactorCredential code) {
            return secondStep(code, request, response, context);
        }
        Optional<SignedInUser> user = SignInSession.signedInUser(request, clock);
        if (user.isPresent() && context.isProtected() && endedElsewhere(user.get())) {
            SignInSession.end(request);
            user = Optional.empty();
        }
        if (user.isPresent() && context.isProtected() && user.get().setUpDue(clock.instant())
                && !ENROLLMENT_PATHS.contains(path(request))) {
            return redirect(request, response, SET_UP_PATH);
        }
        if (user.isPresent()) {
            return context.notifyContainerAboutLogin(user.get().email(), user.get().groups());
        }
        if (context.isProtected()) {
            SignInSession.rememberReturnPath(request);
            return redirect(request, response, SignInSession.pendingSignIn(request, clock)
                    .map(pending -> pending.next().path()).orElse(LOGIN_PATH));
        }
        return context.doNothing();
    }

    /** Requests to the admin API, which know callers by bearer token alone: no cookie, no session, no redirect. */
    public static boolean isApi(HttpServletRequest request) {
        String path = path(request);
        return path.equals(API_PATH) || path.startsWith(API_PATH + "/");
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /**
     * {@code Authorization: Bearer <token>} names the caller (a personal API token, or MFA_BOOTSTRAP_API_TOKEN) for
     * this request only; anything else is a 401 in the API's JSON error shape.
     */
    private AuthenticationStatus apiCaller(HttpServletRequest request, HttpServletResponse response,
                                           HttpMessageContext context) {
        String authorization = request.getHeader("Authorization");
        Optional<ApiCaller> caller = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? apiTokens.authenticate(authorization.substring(7).strip()) : Optional.empty();
        if (caller.isPresent()) {
            return context.notifyContainerAboutLogin(caller.get().name(), caller.get().roles());
        }
        try {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Bearer realm=\"admin API\"");
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"error\":\"unauthorized\",\"message\":\""
                    + (authorization == null ? "An API token is required: Authorization: Bearer <token>."
                    : "The API token is unknown, expired or revoked, or its owner has to set up two-factor"
                    + " authentication first.") + "\"}");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_CONTINUE;
    }

    /** The account was disabled or deleted, or its sessions were ended on some node after this one began. */
    private boolean endedElsewhere(SignedInUser user) {
        return !user.stillValidFor(accounts.liveSessionGeneration(user.accountId()));
    }

    private AuthenticationStatus passwordStep(UsernamePasswordCredential credential, HttpServletRequest request,
                                              HttpServletResponse response, HttpMessageContext context) {
        SignInResult result = passwordSignIn.checkPassword(credential.getCaller(), credential.getPasswordAsString(),
                clientAddress.of(request));
        request.setAttribute(PASSWORD_RESULT, result);
        if (result.outcome() != SignInResult.Outcome.PASSWORD_ACCEPTED) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        AccountSummary account = result.account();
        if (account.passwordChangeRequired()) {
            return nextStep(request, response, new PendingSignIn(account.id(), account.email(), clock.instant(),
                    PendingSignIn.Step.NEW_PASSWORD));
        }
        if (result.secondStepRequired() && !rememberedDevice(request, account.id())) {
            return secondFactorStep(request, response, new PendingSignIn(account.id(), account.email(), clock.instant(),
                    PendingSignIn.Step.SECOND_FACTOR));
        }
        return signIn(request, context, account.id());
    }

    private AuthenticationStatus newPasswordStep(NewPasswordCredential credential, HttpServletRequest request,
                                                 HttpServletResponse response, HttpMessageContext context) {
        Optional<PendingSignIn> pending = SignInSession.pendingSignInAt(PendingSignIn.Step.NEW_PASSWORD, request, clock);
        if (pending.isEmpty()) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        long accountId = pending.get().accountId();
        try {
            accounts.replaceTemporaryPassword(accountId, credential.newPassword(), clientAddress.of(request));
        } catch (AccountRejectedException e) {
            request.setAttribute(NEW_PASSWORD_REFUSAL, e.reason());
            return AuthenticationStatus.SEND_FAILURE;
        }
        if (twoFactor.isEnabled(accountId)) {
            return secondFactorStep(request, response, pending.get());
        }
        return signIn(request, context, accountId);
    }

    /** "Don't ask again on this device" was ticked on this browser, for this person, and still holds. */
    private boolean rememberedDevice(HttpServletRequest request, long accountId) {
        return DeviceCookie.read(request, secure(request))
                .map(token -> devices.recognises(accountId, token, clientAddress.client(request))).orElse(false);
    }

    private AuthenticationStatus secondStep(SecondFactorCredential credential, HttpServletRequest request,
                                            HttpServletResponse response, HttpMessageContext context) {
        Optional<PendingSignIn> pending = SignInSession.pendingSignInAt(PendingSignIn.Step.SECOND_FACTOR, request, clock);
        if (pending.isEmpty()) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        CodeCheck check = twoFactor.checkCode(pending.get().accountId(), credential.kind(), credential.code(),
                clientAddress.client(request));
        request.setAttribute(CODE_RESULT, check);
        if (!check.accepted()) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        AuthenticationStatus status = signIn(request, context, pending.get().accountId());
        if (status == AuthenticationStatus.SUCCESS && credential.kind() == CodeKind.RECOVERY_CODE) {
            SignInSession.noteRecoveryCodesLeft(request, check.recoveryCodesLeft());
        }
        if (status == AuthenticationStatus.SUCCESS && credential.rememberDevice()) {
            devices.remember(pending.get().accountId(), BrowserDescription.of(request.getHeader("User-Agent")),
                    clientAddress.client(request)).ifPresent(token -> DeviceCookie.set(response, token.token(),
                    token.expiresAt(), clock.instant(), secure(request)));
        }
        return status;
    }

    /** Cookies of this request's answer go back over HTTPS only. */
    private boolean secure(HttpServletRequest request) {
        return request.isSecure() || servedOverHttps;
    }

    /**
     * The code is sent right after the password (for methods that send one); the page says where it went, and the
     * pending sign-in keeps which method it is for.
     */
    private AuthenticationStatus secondFactorStep(HttpServletRequest request, HttpServletResponse response,
                                                  PendingSignIn pending) {
        Challenge challenge = twoFactor.startSignIn(pending.accountId(), clientAddress.client(request));
        AuthenticationStatus status = nextStep(request, response, pending.challengedBy(challenge));
        SignInSession.noteChallenge(request, challenge);
        return status;
    }

    private AuthenticationStatus nextStep(HttpServletRequest request, HttpServletResponse response, PendingSignIn pending) {
        SignInSession.beginStep(request, pending);
        return redirect(request, response, pending.next().path());
    }

    /**
     * Completes sign-in, unless the account was disabled meanwhile (between the password and the last step). The
     * session keeps what the workspace policy asks of the person from now on: setting up 2FA (at once, or by a
     * deadline), or replacing a method it no longer allows.
     */
    private AuthenticationStatus signIn(HttpServletRequest request, HttpMessageContext context, long accountId) {
        Optional<AccountStanding> standing = policies.standingOf(accountId).filter(found -> found.account().enabled());
        if (standing.isEmpty()) {
            request.removeAttribute(CODE_RESULT);
            return AuthenticationStatus.SEND_FAILURE;
        }
        SignedInUser user = SignedInUser.of(standing.get().account(), clock.instant(), standing.get().requirement());
        SignInSession.signIn(request, user);
        return context.notifyContainerAboutLogin(user.email(), user.groups());
    }

    /**
     * A relative redirect (never built from the {@code Host} header); a Faces AJAX request cannot follow a 302, so it
     * gets a partial-response redirect instead.
     */
    private static AuthenticationStatus redirect(HttpServletRequest request, HttpServletResponse response, String path) {
        String target = request.getContextPath() + path;
        SecurityHeaders.allowNothing(response);
        try {
            if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
                response.setContentType("text/xml");
                response.setCharacterEncoding("UTF-8");
                response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                        + target + "\"/></partial-response>");
            } else {
                response.setStatus(HttpServletResponse.SC_FOUND);
                response.setHeader("Location", target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_CONTINUE;
    }
}
