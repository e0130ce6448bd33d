package dev.workspace.mfa.core.delivery;

import dev.workspace.mfa.core.config.MfaSettings;
import dev.workspace.mfa.core.delivery.OutgoingMessage.Channel;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** How each channel is sent: email by SMTP when MFA_SMTP_HOST is set, SMS by the gateway when its URL is set, else the dev outbox. */
record DeliverySettings(Optional<SmtpSettings> smtp, Optional<SmsGatewaySettings> smsGateway) {

    static DeliverySettings read(MfaSettings settings) {
        return new DeliverySettings(
                settings.smtpHost().map(host -> SmtpSettings.of(host, settings.smtpPort(), settings.smtpUser(),
                        settings.smtpPassword(), settings.smtpFrom(), settings.smtpStartTls())),
                settings.smsGatewayUrl().map(url -> SmsGatewaySettings.of(url, settings.smsGatewayToken())));
    }

    Set<Channel> outboxChannels() {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        if (smtp.isEmpty()) {
            channels.add(Channel.EMAIL);
        }
        if (smsGateway.isEmpty()) {
            channels.add(Channel.SMS);
        }
        return channels;
    }
}
