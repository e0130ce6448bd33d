package dev.workspace.mfa.core.delivery;

import javax.net.ssl.SSLException;
import java.io.IOException;

/**
 * Why one attempt to hand over a message failed, and whether trying again could help. The reason ends up in the log,
 * so it holds status codes and exception types, never a server's reply text (which may quote the recipient) or the body.
 */
final class FailedAttempt extends Exception {

    private final boolean retryable;

    private FailedAttempt(String reason, boolean retryable) {
        super(reason, null, false, false);
        this.retryable = retryable;
    }

    /** The receiving side may accept it in a moment: busy, down, slow, rate-limited. */
    static FailedAttempt retryable(String reason) {
        return new FailedAttempt(reason, true);
    }

    /** The same message would be refused again: a rejected address, bad credentials, a gateway that says no. */
    static FailedAttempt permanent(String reason) {
        return new FailedAttempt(reason, false);
    }

    /** A broken, refused or slow connection may work next time; a TLS failure (certificate, protocol) will not. */
    static FailedAttempt of(IOException failure) {
        return failure instanceof SSLException ? permanent("TLS failed: " + describe(failure)) : retryable(describe(failure));
    }

    /** The exception's type and message; for the exceptions this is used with, the message names no recipient. */
    static String describe(Throwable failure) {
        return failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
    }

    boolean isRetryable() {
        return retryable;
    }
}
