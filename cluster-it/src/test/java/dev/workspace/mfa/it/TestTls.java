package dev.workspace.mfa.it;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.concurrent.TimeUnit;

/** A throw-away certificate for 127.0.0.1 and localhost (made by openssl, as an operator would) and a TLS context trusting it alone. */
record TestTls(Path certificate, Path key) {

    static boolean opensslAvailable() {
        return Files.isExecutable(Path.of("/usr/bin/openssl"));
    }

    static TestTls create(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        TestTls tls = new TestTls(dir.resolve("workspace.crt"), dir.resolve("workspace.key"));
        Process openssl = new ProcessBuilder("/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
                "-keyout", tls.key().toString(), "-out", tls.certificate().toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("openssl.txt").toFile()).start();
        if (!openssl.waitFor(60, TimeUnit.SECONDS) || openssl.exitValue() != 0) {
            throw new IllegalStateException("openssl failed: " + Files.readString(dir.resolve("openssl.txt")));
        }
        return tls;
    }

    SSLContext trustingIt() throws IOException, GeneralSecurityException {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream pem = Files.newInputStream(certificate)) {
            trusted.setCertificateEntry("workspace", CertificateFactory.getInstance("X.509").generateCertificate(pem));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
