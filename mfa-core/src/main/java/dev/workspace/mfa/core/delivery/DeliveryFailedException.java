package dev.workspace.mfa.core.delivery;

/** PLACEHOLDER until the delivery branch is merged. */
@jakarta.ejb.ApplicationException(rollback = false)
public class DeliveryFailedException extends RuntimeException {
    public DeliveryFailedException(String message) {
        super(message);
    }
}
