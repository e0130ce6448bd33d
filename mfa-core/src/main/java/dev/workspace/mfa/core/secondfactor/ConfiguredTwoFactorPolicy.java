package dev.workspace.mfa.core.secondfactor;

import dev.workspace.mfa.core.config.MfaSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The policy from {@code MFA_REQUIRE_TWO_FACTOR}, until the admin console manages it. */
@ApplicationScoped
public class ConfiguredTwoFactorPolicy implements TwoFactorPolicy {

    @Inject
    private MfaSettings settings;

    @Override
    public boolean isRequired() {
        return settings.twoFactorRequired();
    }
}
