package dev.workspace.mfa.core.secondfactor;

import dev.workspace.mfa.core.config.MfaSettings;
import jakarta.enterprise.context.ApplicationScoped;
import dev.workspace.mfa.persistence.secondfactor.SecondFactorMethod;
import jakarta.inject.Inject;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** The policy from {@code MFA_REQUIRE_TWO_FACTOR} and {@code MFA_ALLOWED_METHODS}, until the admin console manages it. */
@ApplicationScoped
public class ConfiguredTwoFactorPolicy implements TwoFactorPolicy {

    @Inject
    private MfaSettings settings;

    @Override
    public boolean isRequired() {
        return settings.twoFactorRequired();
    }

    @Override
    public Set<SecondFactorMethod> allowedMethods() {
        Set<String> names = settings.allowedMethods();
        return Arrays.stream(SecondFactorMethod.values()).filter(m -> names.contains(m.name()))
                .collect(Collectors.toUnmodifiableSet());
    }
}
