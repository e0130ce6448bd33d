package dev.workspace.mfa.core.delivery;

import jakarta.ejb.ApplicationException;

/**
 * A message could not be handed to SMTP, the SMS gateway or the outbox. Not a rollback: what the caller did before
 * (a code stored, an attempt counted) stays done, and the caller tells the person the message did not go out.
 * The text names the channel, the masked recipient and the reason, never the body; there is no cause, because
 * mail servers' replies quote the full address.
 */
@ApplicationException(rollback = false)
public class DeliveryFailedException extends RuntimeException {

    public DeliveryFailedException(String message) {
        super(message);
    }
}
