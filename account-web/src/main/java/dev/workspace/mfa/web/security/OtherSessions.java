package dev.workspace.mfa.web.security;

import dev.workspace.mfa.core.account.AccountService;
import dev.workspace.mfa.core.policy.PolicyService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import java.time.Clock;

/**
 * A person's sessions on other browsers and nodes. Core ends them by raising the account's session generation (turning
 * two-factor authentication on or off, "Sign out other sessions"); the session that asked for the change then carries
 * itself over to the new generation here, and every other one is refused on its next request.
 */
@ApplicationScoped
public class OtherSessions {

    @Inject
    private AccountService accounts;

    @Inject
    private PolicyService policies;

    @Inject
    private ClientAddress clientAddress;

    @Inject
    private Clock clock;

    /** "Sign out other sessions". */
    public void end(HttpServletRequest request) {
        SignInSession.signedInUser(request, clock).ifPresent(user -> SignInSession.keepSignedIn(request, user,
                accounts.endOtherSessions(user.accountId(), clientAddress.of(request)),
                policies.requirementFor(user.accountId())));
    }

    /**
     * After a change that ended the person's other sessions, this one, which made it, stays signed in; what the policy
     * asks of them is read again (a method just set up ends a forced enrollment).
     */
    public void keepThisOne(HttpServletRequest request) {
        SignInSession.signedInUser(request, clock).ifPresent(user -> policies.standingOf(user.accountId())
                .ifPresent(standing -> SignInSession.keepSignedIn(request, user, standing.account(),
                        standing.requirement())));
    }
}
