package dev.workspace.mfa.core.delivery;

/** PLACEHOLDER until the delivery branch is merged. */
public interface MessageDelivery {
    void send(OutgoingMessage message);
}
