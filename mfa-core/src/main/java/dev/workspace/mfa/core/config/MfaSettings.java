package dev.workspace.mfa.core.config;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The operator's settings. MicroProfile Config maps each key to an environment variable
 * ({@code mfa.data.dir} is {@code MFA_DATA_DIR}), so README's table and these keys are one list.
 */
@ApplicationScoped
public class MfaSettings {

    public static final String DATA_DIR = "mfa.data.dir";
    public static final String ISSUER = "mfa.issuer";
    public static final String ADMIN_EMAIL = "mfa.admin.email";
    public static final String ADMIN_PASSWORD = "mfa.admin.password";
    public static final String SECRET_KEY = "mfa.secret.key";
    public static final String REQUIRE_TWO_FACTOR = "mfa.require.two.factor";
    public static final String RECOVERY_CODES_REVIEWABLE = "mfa.recovery.codes.reviewable";
    public static final String TRUSTED_PROXIES = "mfa.trusted.proxies";
    public static final String ALLOWED_METHODS = "mfa.allowed.methods";
    public static final String TIME_ZONE = "mfa.time.zone";

    static final String DEFAULT_DATA_DIR = "data";
    static final String DEFAULT_ISSUER = "Workspace";
    static final String DEFAULT_ADMIN_EMAIL = "admin@workspace.local";

    private Config config() {
        return ConfigProvider.getConfig(MfaSettings.class.getClassLoader());
    }

    private Optional<String> value(String key) {
        return config().getOptionalValue(key, String.class).map(String::trim).filter(v -> !v.isEmpty());
    }

    /** Where the embedded database, keys and the dev outbox live. */
    public Path dataDirectory() {
        return Path.of(value(DATA_DIR).orElse(DEFAULT_DATA_DIR)).toAbsolutePath().normalize();
    }

    /** Name shown in authenticator apps and emails. */
    public String issuer() {
        return value(ISSUER).orElse(DEFAULT_ISSUER);
    }

    public String bootstrapAdminEmail() {
        return value(ADMIN_EMAIL).orElse(DEFAULT_ADMIN_EMAIL);
    }

    /** The master key (Base64) from {@code MFA_SECRET_KEY}; empty means the data directory's key file. */
    public Optional<String> secretKey() {
        return value(SECRET_KEY);
    }

    /** Workspace policy until the admin console manages it: everyone must use two-factor authentication. */
    public boolean twoFactorRequired() {
        return value(REQUIRE_TWO_FACTOR).map(Boolean::parseBoolean).orElse(false);
    }

    /** Workspace setting "recovery codes may be shown again"; off by default, and then codes exist only as hashes. */
    public boolean recoveryCodesReviewable() {
        return value(RECOVERY_CODES_REVIEWABLE).map(Boolean::parseBoolean).orElse(false);
    }

    /** Addresses of the reverse proxies whose {@code X-Forwarded-For} is believed; none by default. */
    public Set<String> trustedProxies() {
        return value(TRUSTED_PROXIES).map(list -> Arrays.stream(list.split(","))
                .map(String::trim).filter(a -> !a.isEmpty()).collect(Collectors.toUnmodifiableSet())).orElse(Set.of());
    }

    /** The second-factor methods the workspace offers (upper-case names); all three by default. */
    public Set<String> allowedMethods() {
        return value(ALLOWED_METHODS).map(list -> Arrays.stream(list.split(","))
                        .map(m -> m.trim().toUpperCase(java.util.Locale.ROOT)).filter(m -> !m.isEmpty())
                        .collect(Collectors.toUnmodifiableSet()))
                .orElse(Set.of("TOTP", "EMAIL", "SMS"));
    }

    /** The workspace's time zone, for times in emails. */
    public java.time.ZoneId timeZone() {
        return value(TIME_ZONE).map(java.time.ZoneId::of).orElse(java.time.ZoneId.systemDefault());
    }

    /** Empty when the operator gave none: a password is then generated once. */
    public Optional<String> bootstrapAdminPassword() {
        return config().getOptionalValue(ADMIN_PASSWORD, String.class).filter(v -> !v.isEmpty());
    }
}
