package dev.workspace.mfa.core.delivery;

import dev.workspace.mfa.core.delivery.OutgoingMessage.Channel;

import java.time.Instant;

/** A message as the dev outbox kept it; {@code subject} is null for SMS. */
public record OutboxEntry(Instant time, Channel channel, String to, String subject, String text) {
}
