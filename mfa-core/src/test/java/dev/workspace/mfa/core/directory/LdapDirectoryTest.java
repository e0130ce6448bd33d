package dev.workspace.mfa.core.directory;

import com.unboundid.ldap.sdk.LDAPURL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Against a real LDAP server (UnboundID's in-memory directory), over plain LDAP, StartTLS and LDAPS with a test CA. */
class LdapDirectoryTest {

    private static TestDirectoryServer directory;

    @BeforeAll
    static void start() throws Exception {
        directory = new TestDirectoryServer();
    }

    @AfterAll
    static void stop() {
        directory.close();
    }

    private static DirectorySettings settings(boolean startTls, Optional<Path> trustStore, String... urls) throws Exception {
        List<LDAPURL> servers = Arrays.stream(urls).map(url -> {
            try {
                return new LDAPURL(url);
            } catch (Exception e) {
                throw new IllegalArgumentException(e);
            }
        }).toList();
        return new DirectorySettings(servers, TestDirectoryServer.SERVICE_DN, TestDirectoryServer.SERVICE_PASSWORD,
                TestDirectoryServer.PEOPLE, "(&(objectClass=inetOrgPerson)(mail={0}))", "mail", "displayName",
                TestDirectoryServer.BASE, DirectorySettings.GROUP_FILTER, "member", "cn", startTls, trustStore,
                Optional.of(TestDirectoryServer.STORE_PASSWORD), Duration.ofSeconds(2), Duration.ofSeconds(5), Set.of(), Set.of());
    }

    private static String closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "ldap://localhost:" + socket.getLocalPort();
        }
    }

    @Test
    void aPersonSignsInWithTheirDirectoryPasswordAndBringsTheirGroupsNestedIncluded() throws Exception {
        try (LdapDirectory ldap = new LdapDirectory(settings(false, Optional.empty(), directory.ldapUrl()))) {
            DirectoryPerson ada = ldap.authenticate("ada@example.test", "ada-directory-password").orElseThrow();
            assertEquals("ada@example.test", ada.email(), "lower case, whatever the directory's spelling");
            assertEquals("Ada Lovelace", ada.displayName());
            assertEquals(Set.of("accountants", "finance"), ada.groups(), "finance through accountants");
            assertEquals("uid=ada,ou=people,dc=example,dc=test", ada.dn());

            assertTrue(ldap.authenticate("ada@example.test", "not her password").isEmpty());
            assertTrue(ldap.authenticate("ada@example.test", "").isEmpty(), "an empty password is an anonymous bind");
            assertTrue(ldap.authenticate("nobody@example.test", "ada-directory-password").isEmpty());
            assertEquals(Set.of("grace@example.test", "ada@example.test", "linus@example.test", "mira@example.test"),
                    ldap.everyone().stream().map(DirectoryPerson::email).collect(java.util.stream.Collectors.toSet()));
        }
    }

    @Test
    void filterCharactersInTheEmailCannotWidenTheSearch() throws Exception {
        try (LdapDirectory ldap = new LdapDirectory(settings(false, Optional.empty(), directory.ldapUrl()))) {
            for (String sneaky : List.of("*", "*)(mail=*", "ada@example.test)(|(mail=*", "*@example.test", "ada@example.test\\00")) {
                assertTrue(ldap.authenticate(sneaky, "ada-directory-password").isEmpty(), sneaky);
                assertTrue(ldap.find(sneaky).isEmpty(), sneaky);
            }
        }
    }

    @Test
    void theNextServerOfTheListAnswersWhenTheFirstIsDown() throws Exception {
        try (LdapDirectory ldap = new LdapDirectory(settings(false, Optional.empty(), closedPort(), directory.ldapUrl()))) {
            assertTrue(ldap.authenticate("grace@example.test", "grace-directory-password").isPresent());
        }
    }

    @Test
    void ldapsAndStartTlsTrustThePrivateCaAndNothingElse() throws Exception {
        Optional<Path> ca = Optional.of(directory.trustStore());
        try (LdapDirectory ldaps = new LdapDirectory(settings(false, ca, directory.ldapsUrl()))) {
            assertEquals(Set.of("it-admins"), ldaps.authenticate("grace@example.test", "grace-directory-password")
                    .orElseThrow().groups());
        }
        try (LdapDirectory startTls = new LdapDirectory(settings(true, ca, directory.ldapUrl()))) {
            assertTrue(startTls.authenticate("linus@example.test", "linus-directory-password").isPresent());
        }
        try (LdapDirectory untrusted = new LdapDirectory(settings(false, Optional.empty(), directory.ldapsUrl()))) {
            assertThrows(DirectoryUnavailableException.class,
                    () -> untrusted.authenticate("grace@example.test", "grace-directory-password"),
                    "a certificate the JVM does not trust is refused, not ignored");
        }
    }

    @Test
    void aDirectoryThatIsDownIsUnavailableNotAWrongPassword() throws Exception {
        try (LdapDirectory ldap = new LdapDirectory(settings(false, Optional.empty(), closedPort()))) {
            assertThrows(DirectoryUnavailableException.class, () -> ldap.authenticate("ada@example.test", "x"));
            assertThrows(DirectoryUnavailableException.class, ldap::everyone);
        }
    }

    @Test
    void aUserFilterWithoutThePlaceForTheEmailIsRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> new DirectorySettings(
                List.of(new LDAPURL(directory.ldapUrl())), "", "", TestDirectoryServer.PEOPLE, "(objectClass=user)", "mail",
                "displayName", TestDirectoryServer.BASE, DirectorySettings.GROUP_FILTER, "member", "cn", false,
                Optional.empty(), Optional.empty(), Duration.ofSeconds(1), Duration.ofSeconds(1), Set.of(), Set.of()));
        assertTrue(refused.getMessage().contains("{0}"), refused.getMessage());
    }

    @Test
    void theServiceAccountsPasswordIsInNoDescriptionOfTheSettings() throws Exception {
        assertFalse(settings(false, Optional.empty(), directory.ldapUrl()).toString().contains(TestDirectoryServer.SERVICE_PASSWORD));
    }
}
