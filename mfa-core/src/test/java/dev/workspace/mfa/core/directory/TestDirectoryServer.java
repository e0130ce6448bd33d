package dev.workspace.mfa.core.directory;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldif.LDIFReader;
import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllTrustManager;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A real LDAP server for the tests (UnboundID's in-memory directory), loaded from {@code directory/people.ldif}, with
 * a plain listener (StartTLS too) and an LDAPS one whose certificate a test CA made just now signed for localhost.
 */
public final class TestDirectoryServer implements AutoCloseable {

    public static final String BASE = "dc=example,dc=test";
    public static final String PEOPLE = "ou=people," + BASE;
    public static final String SERVICE_DN = "cn=workspace,ou=system," + BASE;
    public static final String SERVICE_PASSWORD = "service-account-secret";
    public static final String STORE_PASSWORD = "changeit";

    private final InMemoryDirectoryServer server;
    private final Path trustStore;

    public TestDirectoryServer() throws Exception {
        Path dir = Files.createTempDirectory("test-directory");
        Path serverStore = dir.resolve("server.p12");
        trustStore = dir.resolve("ca-trust.p12");
        makeCertificates(dir, serverStore);
        SSLUtil serverTls = new SSLUtil(new KeyStoreKeyManager(serverStore.toFile(), STORE_PASSWORD.toCharArray(),
                "PKCS12", "server"), new TrustAllTrustManager());
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
        config.setListenerConfigs(
                InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0,
                        serverTls.createSSLSocketFactory()),
                InMemoryListenerConfig.createLDAPSConfig("ldaps", InetAddress.getLoopbackAddress(), 0,
                        serverTls.createSSLServerSocketFactory(), null));
        server = new InMemoryDirectoryServer(config);
        try (InputStream ldif = TestDirectoryServer.class.getResourceAsStream("/directory/people.ldif")) {
            server.importFromLDIF(true, new LDIFReader(ldif));
        }
        server.startListening();
    }

    public String ldapUrl() {
        return "ldap://localhost:" + server.getListenPort("ldap");
    }

    public String ldapsUrl() {
        return "ldaps://localhost:" + server.getListenPort("ldaps");
    }

    /** The test CA's certificate, the only one the workspace needs to trust the LDAPS listener. */
    public Path trustStore() {
        return trustStore;
    }

    public InMemoryDirectoryServer server() {
        return server;
    }

    /** The directory goes away (listeners and open connections close); {@link #start()} brings it back on the same ports. */
    public void stop() {
        server.shutDown(true);
    }

    public void start() throws LDAPException {
        server.startListening();
    }

    @Override
    public void close() {
        server.shutDown(true);
    }

    /** A CA, and a server certificate for localhost that it signs, with the JDK's keytool. */
    private static void makeCertificates(Path dir, Path serverStore) throws IOException, InterruptedException {
        Path ca = dir.resolve("ca.p12");
        keytool(dir, "-genkeypair", "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=Workspace Test CA",
                "-ext", "bc:c", "-validity", "2", "-keystore", ca.toString(), "-storetype", "PKCS12");
        keytool(dir, "-exportcert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-file", "ca.crt");
        keytool(dir, "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost",
                "-validity", "2", "-keystore", serverStore.toString(), "-storetype", "PKCS12");
        keytool(dir, "-certreq", "-alias", "server", "-keystore", serverStore.toString(), "-file", "server.csr");
        keytool(dir, "-gencert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-infile", "server.csr",
                "-outfile", "server.crt", "-ext", "san=dns:localhost,ip:127.0.0.1", "-validity", "2");
        keytool(dir, "-importcert", "-noprompt", "-alias", "ca", "-file", "ca.crt", "-keystore", serverStore.toString());
        keytool(dir, "-importcert", "-alias", "server", "-file", "server.crt", "-keystore", serverStore.toString());
        keytool(dir, "-importcert", "-noprompt", "-alias", "ca", "-file", "ca.crt", "-keystore",
                dir.resolve("ca-trust.p12").toString(), "-storetype", "PKCS12");
    }

    private static void keytool(Path dir, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        command.addAll(List.of("-storepass", STORE_PASSWORD));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IOException("keytool " + String.join(" ", arguments) + ": " + output);
        }
    }
}
