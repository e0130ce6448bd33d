package dev.workspace.mfa.core.directory;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import dev.workspace.mfa.core.config.MfaSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How to reach and read the company directory. Defaults fit Active Directory; README shows the OpenLDAP values.
 *
 * @param servers    {@code ldap://} or {@code ldaps://} URLs, tried in order (fail-over)
 * @param userFilter a filter with {@code {0}} where the escaped email goes
 */
public record DirectorySettings(List<LDAPURL> servers, String bindDn, String bindPassword, String userBase,
                                String userFilter, String emailAttribute, String nameAttribute, String groupBase,
                                String groupFilter, String memberAttribute, String groupNameAttribute, boolean startTls,
                                Optional<Path> trustStore, Optional<String> trustStorePassword, Duration connectTimeout,
                                Duration readTimeout, Set<String> adminGroups, Set<String> ownerGroups) {

    /** People with that email whose account is not disabled (userAccountControl bit 2). */
    static final String ACTIVE_DIRECTORY_USER_FILTER = "(&(objectClass=user)(mail={0})(!(userAccountControl:1.2.840.113556.1.4.803:=2)))";
    static final String GROUP_FILTER = "(|(objectClass=group)(objectClass=groupOfNames)(objectClass=groupOfUniqueNames))";

    public DirectorySettings {
        servers = List.copyOf(servers);
        adminGroups = Set.copyOf(adminGroups);
        ownerGroups = Set.copyOf(ownerGroups);
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("MFA_LDAP_URL names no server");
        }
        if (!userFilter.contains("{0}")) {
            throw new IllegalArgumentException("MFA_LDAP_USER_FILTER must contain {0} where the email goes");
        }
    }

    /** The directory the operator configured, or empty without {@code MFA_LDAP_URL}. */
    public static Optional<DirectorySettings> from(MfaSettings settings) {
        Optional<String> urls = settings.directorySetting("url");
        if (urls.isEmpty()) {
            return Optional.empty();
        }
        String userBase = settings.directorySetting("user.base")
                .orElseThrow(() -> new IllegalArgumentException("MFA_LDAP_USER_BASE is required with MFA_LDAP_URL"));
        return Optional.of(new DirectorySettings(servers(urls.get()), settings.directorySetting("bind.dn").orElse(""),
                settings.directoryBindPassword().orElse(""), userBase,
                settings.directorySetting("user.filter").orElse(ACTIVE_DIRECTORY_USER_FILTER),
                settings.directorySetting("email.attribute").orElse("mail"),
                settings.directorySetting("name.attribute").orElse("displayName"),
                settings.directorySetting("group.base").orElse(userBase),
                settings.directorySetting("group.filter").orElse(GROUP_FILTER),
                settings.directorySetting("group.member.attribute").orElse("member"),
                settings.directorySetting("group.name.attribute").orElse("cn"),
                settings.directorySetting("starttls").map(Boolean::parseBoolean).orElse(false),
                settings.directorySetting("trust.store").map(Path::of),
                settings.directorySetting("trust.store.password"),
                Duration.ofMillis(millis(settings, "connect.timeout.ms", 5000)),
                Duration.ofMillis(millis(settings, "read.timeout.ms", 10000)),
                names(settings.directorySetting("admin.groups")), names(settings.directorySetting("owner.groups"))));
    }

    private static List<LDAPURL> servers(String urls) {
        return Arrays.stream(urls.split("[,\\s]+")).filter(url -> !url.isBlank()).map(url -> {
            try {
                LDAPURL parsed = new LDAPURL(url);
                if (!"ldap".equals(parsed.getScheme()) && !"ldaps".equals(parsed.getScheme())) {
                    throw new IllegalArgumentException("MFA_LDAP_URL: " + url + " is not ldap:// or ldaps://");
                }
                return parsed;
            } catch (LDAPException e) {
                throw new IllegalArgumentException("MFA_LDAP_URL: " + url + " is not an LDAP URL");
            }
        }).toList();
    }

    private static long millis(MfaSettings settings, String key, long otherwise) {
        try {
            return settings.directorySetting(key).map(Long::parseLong).filter(ms -> ms > 0).orElse(otherwise);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("MFA_LDAP_" + key.replace('.', '_').toUpperCase(Locale.ROOT)
                    + " is not a number of milliseconds");
        }
    }

    /** Group names compare without case, as directories do. */
    private static Set<String> names(Optional<String> list) {
        return list.map(value -> Arrays.stream(value.split(",")).map(String::strip).filter(name -> !name.isEmpty())
                .map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet())).orElse(Set.of());
    }

    /** Without the service account's password, which must never reach a log. */
    @Override
    public String toString() {
        return "DirectorySettings[servers=" + servers + ", bindDn=" + bindDn + ", userBase=" + userBase
                + ", userFilter=" + userFilter + ", startTls=" + startTls + "]";
    }
}
