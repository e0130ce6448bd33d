package dev.workspace.mfa.core.delivery;

import dev.workspace.mfa.core.config.MfaSettings;
import dev.workspace.mfa.core.delivery.OutgoingMessage.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.logging.Logger;

/**
 * Sends each message the way its channel is configured ({@link DeliverySettings}): SMTP or the SMS gateway, or the
 * dev outbox when they are not set up. Failures are logged here once, with channel, masked recipient and reason.
 */
@ApplicationScoped
public class RoutedMessageDelivery implements MessageDelivery {

    private static final Logger LOG = Logger.getLogger(RoutedMessageDelivery.class.getName());

    private final MessageDelivery email;
    private final MessageDelivery sms;

    /** For the CDI proxy. */
    protected RoutedMessageDelivery() {
        this.email = null;
        this.sms = null;
    }

    @Inject
    RoutedMessageDelivery(MfaSettings settings, DevOutbox outbox, Clock clock) {
        this(DeliverySettings.read(settings), outbox, clock);
    }

    RoutedMessageDelivery(DeliverySettings settings, DevOutbox outbox, Clock clock) {
        MessageDelivery toOutbox = message -> outbox.append(message, clock.instant());
        this.email = settings.smtp().<MessageDelivery>map(SmtpMailTransport::new).orElse(toOutbox);
        this.sms = settings.smsGateway().<MessageDelivery>map(HttpSmsGateway::new).orElse(toOutbox);
        for (Channel channel : settings.outboxChannels()) {
            LOG.warning(() -> channel + " goes to the dev outbox, not to people: "
                    + (channel == Channel.EMAIL ? "MFA_SMTP_HOST" : "MFA_SMS_GATEWAY_URL") + " is not set");
        }
    }

    /** Made at start rather than at the first code, so that the log tells the operator at once where messages go. */
    void atStart(@Observes @Initialized(ApplicationScoped.class) Object application) {
        // Being called is the point: it makes the container create this bean.
    }

    @Override
    public void send(OutgoingMessage message) {
        try {
            (message.channel() == Channel.EMAIL ? email : sms).send(message);
        } catch (DeliveryFailedException e) {
            LOG.warning(e.getMessage());
            throw e;
        }
    }
}
