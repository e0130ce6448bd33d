package dev.workspace.mfa.core.delivery;

import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;

/**
 * Tries to hand over a message a few times, pausing between tries, and then gives up. Someone is waiting on the page
 * for their code, so this has to end within seconds: three attempts with 0.2 s and 0.8 s between them ride out a
 * restarting relay or a brief gateway hiccup for one second of extra waiting, and the transports' time-outs bound
 * each attempt. A longer outage is the operator's to fix, not something to wait out in a request.
 */
final class BoundedRetry {

    static final List<Duration> PAUSES = List.of(Duration.ofMillis(200), Duration.ofMillis(800));
    static final int ATTEMPTS = PAUSES.size() + 1;

    private static final Logger LOG = Logger.getLogger(BoundedRetry.class.getName());

    /** One try at handing over the message. */
    interface Attempt {
        void run() throws FailedAttempt;
    }

    private BoundedRetry() {
    }

    static void run(OutgoingMessage message, Attempt attempt) {
        for (int number = 1; ; number++) {
            try {
                attempt.run();
                return;
            } catch (FailedAttempt failure) {
                if (!failure.isRetryable() || number == ATTEMPTS) {
                    throw notSent(message, number, failure.getMessage());
                }
                String retrying = "%s to %s: attempt %d of %d failed (%s), trying again"
                        .formatted(message.channel(), message.maskedTo(), number, ATTEMPTS, failure.getMessage());
                LOG.info(retrying);
                try {
                    Thread.sleep(PAUSES.get(number - 1).toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw notSent(message, number, "interrupted");
                }
            }
        }
    }

    private static DeliveryFailedException notSent(OutgoingMessage message, int attempts, String reason) {
        return new DeliveryFailedException("%s to %s not sent (attempt %d of %d): %s"
                .formatted(message.channel(), message.maskedTo(), attempts, ATTEMPTS, reason));
    }
}
