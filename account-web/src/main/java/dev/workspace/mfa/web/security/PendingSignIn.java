package dev.workspace.mfa.web.security;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * A sign-in whose password step is done and whose next step is not: it grants nothing but that step's page
 * ({@code /login/new-password} to replace a temporary password, then {@code /login/verify} for the second factor).
 */
public record PendingSignIn(long accountId, String email, Instant passwordAcceptedAt, Step next) implements Serializable {

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

    /** The steps after the password must follow within 5 minutes. */
    public static final Duration LIFETIME = Duration.ofMinutes(5);

    public boolean expiredAt(Instant now) {
        return !now.isBefore(passwordAcceptedAt.plus(LIFETIME));
    }

    PendingSignIn then(Step step) {
        return new PendingSignIn(accountId, email, passwordAcceptedAt, step);
    }
}
