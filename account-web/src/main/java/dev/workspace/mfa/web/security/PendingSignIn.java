package dev.workspace.mfa.web.security;

import dev.workspace.mfa.core.method.Challenge;
import dev.workspace.mfa.core.method.MethodDescription;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * A sign-in whose password step is done and whose next step is not: it grants nothing but that step's page
 * ({@code /login/new-password} to replace a temporary password, then {@code /login/verify} for the second factor).
 * Once the second step has begun it also names the person's method and where its code went, so that the step's page
 * needs no lookup. It only words the page: the code is always checked against the method active now (one removed
 * meanwhile sends the person back to the first step), and "Resend code" names the method the new code went by.
 *
 * @param method the method the second step asks for; null before the second step, or when the person has none
 * @param sentTo where that method sends its codes, masked for the page; null when it sends none
 */
public record PendingSignIn(long accountId, String email, Instant passwordAcceptedAt, Step next, MethodDescription method,
                            String sentTo) implements Serializable {

    /** What must happen before the person is signed in, and the page where it happens. */
    public enum Step {
        NEW_PASSWORD("/login/new-password"),
        SECOND_FACTOR("/login/verify");

        private final String path;

        Step(String path) {
            this.path = path;
        }

        public String path() {
            return path;
        }
    }

    PendingSignIn(long accountId, String email, Instant passwordAcceptedAt, Step next) {
        this(accountId, email, passwordAcceptedAt, next, null, null);
    }

    /** The steps after the password must follow within 5 minutes. */
    public static final Duration LIFETIME = Duration.ofMinutes(5);

    public boolean expiredAt(Instant now) {
        return !now.isBefore(passwordAcceptedAt.plus(LIFETIME));
    }

    /** The second step, for the method the challenge was started for. */
    PendingSignIn challengedBy(Challenge challenge) {
        return new PendingSignIn(accountId, email, passwordAcceptedAt, Step.SECOND_FACTOR, challenge.method(),
                challenge.sentTo());
    }
}
