package dev.workspace.mfa.core.delivery;

/**
 * Sends one message now, so the caller (showing "we sent you a code") knows whether it went out.
 * Transient failures are retried a bounded number of times ({@link BoundedRetry}) before giving up.
 */
public interface MessageDelivery {

    /** @throws DeliveryFailedException when the message could not be handed over; it never rolls back the caller's transaction */
    void send(OutgoingMessage message);
}
