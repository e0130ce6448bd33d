package dev.workspace.mfa.core.config;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.logging.Logger;
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
    public static final String ADMINS_REQUIRE_TWO_FACTOR = "mfa.admins.require.two.factor";
    public static final String RECOVERY_CODES_REVIEWABLE = "mfa.recovery.codes.reviewable";
    public static final String TRUSTED_PROXIES = "mfa.trusted.proxies";
    public static final String ALLOWED_METHODS = "mfa.allowed.methods";
    public static final String TIME_ZONE = "mfa.time.zone";
    public static final String SMTP_HOST = "mfa.smtp.host";
    public static final String SMTP_PORT = "mfa.smtp.port";
    public static final String SMTP_USER = "mfa.smtp.user";
    public static final String SMTP_PASSWORD = "mfa.smtp.password";
    public static final String SMTP_FROM = "mfa.smtp.from";
    public static final String SMTP_STARTTLS = "mfa.smtp.starttls";
    public static final String SMS_GATEWAY_URL = "mfa.sms.gateway.url";
    public static final String SMS_GATEWAY_TOKEN = "mfa.sms.gateway.token";
    public static final String SMS_REGIONS = "mfa.sms.regions";
    public static final String PHONE_REGION = "mfa.phone.region";

    static final String DEFAULT_DATA_DIR = "data";
    static final String DEFAULT_ISSUER = "Workspace";
    static final String DEFAULT_ADMIN_EMAIL = "admin@workspace.local";
    /** The second factors there are, in the order pages offer them. */
    static final List<String> METHODS = List.of("TOTP", "EMAIL", "SMS");

    private static final Logger LOG = Logger.getLogger(MfaSettings.class.getName());

    private Config config() {
        return ConfigProvider.getConfig(MfaSettings.class.getClassLoader());
    }

    private Optional<String> value(String key) {
        return config().getOptionalValue(key, String.class).map(String::trim).filter(v -> !v.isEmpty());
    }

    /** A comma list, each entry trimmed and upper-cased, empty entries dropped. */
    private Set<String> upperCaseList(String key) {
        return value(key).map(list -> Arrays.stream(list.split(",")).map(String::trim).filter(v -> !v.isEmpty())
                .map(v -> v.toUpperCase(Locale.ROOT)).collect(Collectors.toCollection(LinkedHashSet::new)))
                .orElseGet(LinkedHashSet::new);
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

    /** Seeds the first workspace policy of a new database: everyone must use two-factor authentication. */
    public boolean twoFactorRequired() {
        return value(REQUIRE_TWO_FACTOR).map(Boolean::parseBoolean).orElse(false);
    }

    /**
     * Seeds the first workspace policy of a new database: admins and owners need two-factor authentication at once
     * ({@code MFA_ADMINS_REQUIRE_TWO_FACTOR}); on unless set to {@code false}.
     */
    public boolean adminsRequireTwoFactor() {
        return value(ADMINS_REQUIRE_TWO_FACTOR).map(Boolean::parseBoolean).orElse(true);
    }

    /** Seeds the first workspace policy: "recovery codes may be shown again"; off by default (codes kept only as hashes). */
    public boolean recoveryCodesReviewable() {
        return value(RECOVERY_CODES_REVIEWABLE).map(Boolean::parseBoolean).orElse(false);
    }

    /** Addresses of the reverse proxies whose {@code X-Forwarded-For} is believed; none by default. */
    public Set<String> trustedProxies() {
        return value(TRUSTED_PROXIES).map(list -> Arrays.stream(list.split(","))
                .map(String::trim).filter(a -> !a.isEmpty()).collect(Collectors.toUnmodifiableSet())).orElse(Set.of());
    }

    /** MFA_PUBLIC_URL: the address people reach the workspace at, for links in emails. */
    public Optional<String> publicUrl() {
        return value("mfa.public.url").filter(url -> url.startsWith("https://") || url.startsWith("http://"));
    }

    /** People reach the workspace over HTTPS (MFA_PUBLIC_URL starts with https://): cookies are Secure, HSTS is sent. */
    public boolean servedOverHttps() {
        return publicUrl().filter(url -> url.startsWith("https://")).isPresent();
    }

    /** MFA_AUDIT_RETENTION_DAYS: how long audit events are kept; 400 days by default, at least 1. */
    public int auditRetentionDays() {
        try {
            return value("mfa.audit.retention.days").map(Integer::parseInt).filter(days -> days >= 1).orElse(400);
        } catch (NumberFormatException e) {
            LOG.warning("MFA_AUDIT_RETENTION_DAYS is not a whole number of days; 400 days are kept");
            return 400;
        }
    }

    /** Wrong bearer tokens are not rate-limited, so the one token an operator makes up must be long. */
    public static final int MIN_BOOTSTRAP_TOKEN_LENGTH = 32;

    /**
     * MFA_BOOTSTRAP_API_TOKEN: an owner token for the admin API, for provisioning scripts; unset by default. One shorter
     * than {@value #MIN_BOOTSTRAP_TOKEN_LENGTH} characters is ignored ({@link #bootstrapApiTokenTooShort()}).
     */
    public Optional<String> bootstrapApiToken() {
        return value("mfa.bootstrap.api.token").filter(token -> token.length() >= MIN_BOOTSTRAP_TOKEN_LENGTH);
    }

    /** True when MFA_BOOTSTRAP_API_TOKEN is set but too short to be used, so that start-up can say so. */
    public boolean bootstrapApiTokenTooShort() {
        return value("mfa.bootstrap.api.token").filter(token -> !token.isBlank())
                .filter(token -> token.length() < MIN_BOOTSTRAP_TOKEN_LENGTH).isPresent();
    }

    /** Empty when the operator gave none: a password is then generated once. */
    public Optional<String> bootstrapAdminPassword() {
        return config().getOptionalValue(ADMIN_PASSWORD, String.class).filter(v -> !v.isEmpty());
    }

    /**
     * The second factors people may set up ({@code MFA_ALLOWED_METHODS}, e.g. {@code TOTP,EMAIL}), upper case; all of
     * TOTP, EMAIL and SMS by default, always in that order. Unknown names are ignored with a warning, and a list of nothing but unknown
     * names counts as unset, so a typo cannot leave a workspace that requires two factors without any.
     */
    public Set<String> allowedMethods() {
        Set<String> named = upperCaseList(ALLOWED_METHODS);
        Set<String> known = METHODS.stream().filter(named::contains).collect(Collectors.toCollection(LinkedHashSet::new));
        named.removeAll(known);
        if (!named.isEmpty()) {
            LOG.warning(() -> "MFA_ALLOWED_METHODS: ignoring unknown " + named + "; known are " + METHODS);
        }
        return Collections.unmodifiableSet(known.isEmpty() ? new LinkedHashSet<>(METHODS) : known);
    }

    /** The workspace's time zone, for times in emails ({@code MFA_TIME_ZONE}, e.g. {@code Europe/Berlin}); the server's by default. */
    public ZoneId timeZone() {
        return value(TIME_ZONE).map(zone -> {
            try {
                return ZoneId.of(zone);
            } catch (DateTimeException e) {
                LOG.warning(() -> "MFA_TIME_ZONE " + zone + " is not a time zone; using UTC");
                return ZoneOffset.UTC;
            }
        }).orElseGet(ZoneId::systemDefault);
    }

    /** A setting of the company directory ({@code mfa.ldap.*}, e.g. {@code MFA_LDAP_URL}), trimmed; empty when unset. */
    public Optional<String> directorySetting(String key) {
        return value("mfa.ldap." + key);
    }

    /** MFA_LDAP_BIND_PASSWORD as given: not trimmed, spaces may be part of a password. */
    public Optional<String> directoryBindPassword() {
        return config().getOptionalValue("mfa.ldap.bind.password", String.class).filter(v -> !v.isEmpty());
    }

    /** The SMTP server for email; none means email goes to the dev outbox (docs/delivery.md). */
    public Optional<String> smtpHost() {
        return value(SMTP_HOST);
    }

    /** Empty means the default: 587 when signing in, else 25. */
    public OptionalInt smtpPort() {
        return value(SMTP_PORT).map(port -> {
            try {
                return OptionalInt.of(Integer.parseInt(port));
            } catch (NumberFormatException e) {
                throw new IllegalStateException("MFA_SMTP_PORT is not a port number: " + port);
            }
        }).orElse(OptionalInt.empty());
    }

    public Optional<String> smtpUser() {
        return value(SMTP_USER);
    }

    /** Not trimmed: spaces may be part of a password. */
    public Optional<String> smtpPassword() {
        return config().getOptionalValue(SMTP_PASSWORD, String.class).filter(v -> !v.isEmpty());
    }

    /** The sender address; empty means the SMTP user when that is an address, else no-reply@ the SMTP host. */
    public Optional<String> smtpFrom() {
        return value(SMTP_FROM);
    }

    /** Empty means the default: required when signing in, so the password never crosses the network in clear. */
    public Optional<Boolean> smtpStartTls() {
        return value(SMTP_STARTTLS).map(Boolean::parseBoolean);
    }

    /** Where SMS are posted; none means SMS go to the dev outbox (docs/delivery.md). */
    public Optional<String> smsGatewayUrl() {
        return value(SMS_GATEWAY_URL);
    }

    /** Sent as {@code Authorization: Bearer <token>} when set. */
    public Optional<String> smsGatewayToken() {
        return value(SMS_GATEWAY_TOKEN);
    }

    /**
     * The ISO regions whose mobile numbers may receive SMS ({@code MFA_SMS_REGIONS}, e.g. {@code DE,AT}), upper case;
     * empty means all. The guard against SMS pumping to premium foreign numbers.
     */
    public Set<String> smsRegions() {
        return Set.copyOf(upperCaseList(SMS_REGIONS));
    }

    /** The region of numbers typed without {@code +} ({@code MFA_PHONE_REGION}, e.g. {@code DE}); empty means a number must start with {@code +}. */
    public Optional<String> phoneRegion() {
        return value(PHONE_REGION).map(region -> region.toUpperCase(Locale.ROOT));
    }
}
