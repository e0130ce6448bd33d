package dev.workspace.mfa.core.device;

import java.io.Serializable;
import java.time.LocalDateTime;

/** A remembered device as its owner sees it on the security page; times are UTC, {@code lastUsedAt} null until used. */
public record DeviceEntry(long id, String description, LocalDateTime rememberedAt, LocalDateTime expiresAt,
                          LocalDateTime lastUsedAt) implements Serializable {
}
