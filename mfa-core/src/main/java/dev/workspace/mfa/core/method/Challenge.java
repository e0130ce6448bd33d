package dev.workspace.mfa.core.method;

import java.io.Serializable;
import java.time.LocalDateTime;

/**
 * What happened when a code was asked for.
 *
 * @param method      the method the code is for, when the challenge starts a second step (the sign-in page names it
 *                    without asking again); null from the methods themselves
 * @param sentTo      where the code went, masked for the page (null when nothing was sent)
 * @param retryAt     when asking again is possible ({@code TOO_SOON}, {@code LIMITED}); null otherwise
 */
public record Challenge(MethodDescription method, Outcome outcome, String sentTo, LocalDateTime retryAt)
        implements Serializable {

    public Challenge(Outcome outcome, String sentTo, LocalDateTime retryAt) {
        this(null, outcome, sentTo, retryAt);
    }

    public enum Outcome {
        /** The method needs no message (an authenticator app). */
        NOTHING_TO_SEND,
        SENT,
        /** A code was sent less than 30 seconds ago; it is still valid. */
        TOO_SOON,
        /** The sending limits for this person or client address are reached. */
        LIMITED,
        /** The mail server or the SMS gateway did not take the message; nothing was stored. */
        NOT_SENT
    }

    public static Challenge nothingToSend() {
        return new Challenge(Outcome.NOTHING_TO_SEND, null, null);
    }

    /** The same answer, naming the method it is for. */
    public Challenge forMethod(MethodDescription described) {
        return new Challenge(described, outcome, sentTo, retryAt);
    }

    public boolean sent() {
        return outcome == Outcome.SENT;
    }
}
