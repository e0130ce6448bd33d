package dev.workspace.mfa.core.directory;

import java.io.Serializable;

/** What a sync did: people the directory listed, our directory people refreshed, and those deactivated as leavers. */
public record SyncReport(int listed, int refreshed, int deactivated) implements Serializable {
}
