package dev.workspace.mfa.core.directory;

import java.io.Serializable;
import java.time.Instant;

/** The last directory sync: when it ran and what it did, as its audit event says. */
public record SyncRun(Instant at, String summary) implements Serializable {
}
