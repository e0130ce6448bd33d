package dev.workspace.mfa.core.recovery;

import java.io.Serializable;

/** One of a person's ten recovery codes as the page may show it: the code itself only where the workspace allows. */
public record RecoveryCodeEntry(int position, boolean used, String code) implements Serializable {
}
