package dev.workspace.mfa.core.device;

import java.time.Instant;

/** The secret a remembered browser keeps in its cookie, shown to nobody, and when it stops being honoured. */
public record DeviceToken(String token, Instant expiresAt) {
}
