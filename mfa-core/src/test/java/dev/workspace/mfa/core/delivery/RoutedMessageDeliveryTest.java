package dev.workspace.mfa.core.delivery;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.workspace.mfa.core.delivery.OutgoingMessage.Channel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RoutedMessageDeliveryTest {

    private static final Instant NOW = Instant.parse("2025-03-01T09:00:00Z");
    private static final OutgoingMessage EMAIL = OutgoingMessage.email("jane@example.com", "Your code", "123456", null);
    private static final OutgoingMessage SMS = OutgoingMessage.sms("+4915123456789", "123456");

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path data;

    private MessageDelivery delivery(DeliverySettings settings) {
        return new RoutedMessageDelivery(settings, outbox(settings), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private DevOutbox outbox(DeliverySettings settings) {
        return new DevOutbox(data.resolve("outbox"), settings.outboxChannels());
    }

    @Test
    void withNothingConfiguredEverythingGoesToTheOutbox() {
        DeliverySettings nothing = new DeliverySettings(Optional.empty(), Optional.empty());
        assertEquals(Set.of(Channel.EMAIL, Channel.SMS), nothing.outboxChannels());

        delivery(nothing).send(EMAIL);
        delivery(nothing).send(SMS);

        assertEquals(Set.of(new OutboxEntry(NOW, Channel.SMS, "+4915123456789", null, "123456"),
                new OutboxEntry(NOW, Channel.EMAIL, "jane@example.com", "Your code", "123456")),
                Set.copyOf(outbox(nothing).newestFirst(10)));
    }

    @Test
    void configuredSmtpTakesEmailWhileSmsStaysInTheOutbox() {
        DeliverySettings smtpOnly = new DeliverySettings(Optional.of(
                new SmtpSettings("127.0.0.1", greenMail.getSmtp().getPort(), null, null, "no-reply@workspace.test", false)),
                Optional.empty());
        assertEquals(Set.of(Channel.SMS), smtpOnly.outboxChannels());

        delivery(smtpOnly).send(EMAIL);
        delivery(smtpOnly).send(SMS);

        assertEquals(1, greenMail.getReceivedMessages().length);
        assertEquals(List.of(Channel.SMS), outbox(smtpOnly).newestFirst(10).stream().map(OutboxEntry::channel).toList());
    }

    @Test
    void aFailureReachesTheCaller() {
        DeliverySettings deadGateway = new DeliverySettings(Optional.empty(),
                Optional.of(new SmsGatewaySettings(URI.create("http://127.0.0.1:9/sms"), Optional.empty())));
        assertEquals(Set.of(Channel.EMAIL), deadGateway.outboxChannels());

        assertThrows(DeliveryFailedException.class, () -> delivery(deadGateway).send(SMS));
    }
}
