package dev.workspace.mfa.core.method;

import java.io.Serializable;
import java.time.LocalDateTime;

/**
 * What happened when a code was asked for.
 *
 * @param sentTo      where the code went, masked for the page (null when nothing was sent)
 * @param retryAt     when asking again is possible ({@code TOO_SOON}, {@code LIMITED}); null otherwise
 */
public record Challenge(Outcome outcome, String sentTo, LocalDateTime retryAt) implements Serializable {

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

    public boolean sent() {
        return outcome == Outcome.SENT;
    }
}
