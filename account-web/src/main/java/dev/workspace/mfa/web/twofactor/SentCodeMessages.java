package dev.workspace.mfa.web.twofactor;

import dev.workspace.mfa.core.method.Challenge;
import dev.workspace.mfa.web.faces.Messages;
import jakarta.faces.context.FacesContext;

import java.time.Clock;

/**
 * What every page that sends a code (sign-in, step-up, setting up email or SMS) says about the sending: where it went,
 * or why nothing was sent, with the matching status (429 for the limits, 503 when the mail server or gateway failed).
 */
public final class SentCodeMessages {

    private SentCodeMessages() {
    }

    /** Says what happened; true when a code is on its way. */
    public static boolean report(FacesContext context, Challenge challenge, Clock clock) {
        switch (challenge.outcome()) {
            case SENT -> Messages.info(context, "code.sent", challenge.sentTo());
            case TOO_SOON -> {
                Messages.error(context, null, "code.tooSoon");
                context.getExternalContext().setResponseStatus(429);
            }
            case LIMITED -> {
                Messages.lockedUntil(context, "code.limited", challenge.retryAt(), clock);
                context.getExternalContext().setResponseStatus(429);
            }
            case NOT_SENT -> {
                Messages.error(context, null, "code.notSent");
                context.getExternalContext().setResponseStatus(503);
            }
            case NOTHING_TO_SEND -> {
                return false;
            }
        }
        return challenge.sent();
    }
}
