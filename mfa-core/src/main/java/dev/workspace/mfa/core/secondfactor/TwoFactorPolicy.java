package dev.workspace.mfa.core.secondfactor;

import dev.workspace.mfa.persistence.secondfactor.SecondFactorMethod;

import java.util.Set;

/**
 * What the workspace requires of everyone's two-factor authentication. Read through this interface so that the
 * admin console's policy (mfa-admin) can replace today's configuration-based answer without touching the use cases.
 */
public interface TwoFactorPolicy {

    /** True when nobody may be without two-factor authentication (so nobody may turn it off). */
    boolean isRequired();

    /** The methods people may choose; a method not listed cannot be set up (one already in use keeps working). */
    Set<SecondFactorMethod> allowedMethods();
}
