package dev.workspace.mfa.core.secondfactor;

import dev.workspace.mfa.core.audit.Client;
import dev.workspace.mfa.core.recovery.RecoveryCodeEntry;
import dev.workspace.mfa.core.recovery.RecoveryCodeRenewal;
import dev.workspace.mfa.core.stepup.StepUpGrant;

import java.util.List;

/** A person's recovery codes: regenerating and viewing them, each behind a step-up. */
public interface RecoveryCodeService {

    /** Ten new codes to show; nothing is stored and the old codes keep working. */
    RecoveryCodeRenewal renew(StepUpGrant grant);

    /**
     * Finish of a renewal: the new codes replace every old one in one transaction. False when the person no longer has
     * two-factor authentication.
     */
    boolean replace(StepUpGrant grant, RecoveryCodeRenewal renewal, Client client);

    /** The ten codes, used or not; the unused ones in clear only when the workspace allows showing them again. */
    List<RecoveryCodeEntry> list(StepUpGrant grant, Client client);
}
