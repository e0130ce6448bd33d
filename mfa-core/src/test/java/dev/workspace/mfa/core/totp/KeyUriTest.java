package dev.workspace.mfa.core.totp;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.URLDecoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Google Authenticator key URI format ({@code otpauth://totp/…}, see docs/security.md#totp). */
class KeyUriTest {

    private static final String EXAMPLE_SECRET = "HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ";

    @Test
    void wikiExampleExactly() {
        byte[] secret = Base32.decode(EXAMPLE_SECRET);
        assertEquals(20, secret.length);
        assertEquals("otpauth://totp/ACME%20Co:john.doe@email.com"
                        + "?secret=HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ&issuer=ACME%20Co&algorithm=SHA1&digits=6&period=30",
                KeyUri.totp("ACME Co", "john.doe@email.com", secret));
    }

    @Test
    void theUriParses() {
        URI uri = URI.create(KeyUri.totp("ACME Co", "john.doe@email.com", Base32.decode(EXAMPLE_SECRET)));
        assertEquals("otpauth", uri.getScheme());
        assertEquals("totp", uri.getHost());
        assertEquals("/ACME Co:john.doe@email.com", uri.getPath());
    }

    @Test
    void colonsAreRemovedFromIssuerAndAccount() {
        String uri = KeyUri.totp("AC:ME: Co", "john:doe@email.com", Base32.decode(EXAMPLE_SECRET));
        assertEquals("otpauth://totp/ACME%20Co:johndoe@email.com"
                        + "?secret=HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ&issuer=ACME%20Co&algorithm=SHA1&digits=6&period=30",
                uri);
        String label = uri.substring("otpauth://totp/".length(), uri.indexOf('?'));
        assertEquals(1, label.chars().filter(c -> c == ':').count(), "exactly one colon, the separator: " + label);
        assertFalse(uri.contains("%3A"), "no encoded colon either: " + uri);
    }

    @Test
    void secretHasNoPadding() {
        // 10 bytes -> 16 characters, 1 byte -> 2 characters: RFC 4648 would pad both; the URI must not.
        for (int length = 1; length <= 21; length++) {
            byte[] secret = new byte[length];
            for (int i = 0; i < length; i++) {
                secret[i] = (byte) (i * 37 + 11);
            }
            String uri = KeyUri.totp("Workspace", "a@b.example", secret);
            String value = uri.substring(uri.indexOf("secret=") + "secret=".length(), uri.indexOf("&issuer="));
            assertFalse(value.contains("="), value);
            assertFalse(value.contains("%3D"), value);
            assertTrue(value.matches("[A-Z2-7]+"), value);
            assertEquals(Base32.encode(secret), value);
        }
    }

    @Test
    void issuerAndAccountArePercentEncoded() {
        String uri = KeyUri.totp("Büro & Co", "a+b@example.com", new byte[20]);
        String label = uri.substring("otpauth://totp/".length(), uri.indexOf('?'));
        assertFalse(label.contains(" "), label);
        assertFalse(label.contains("&"), label);
        assertFalse(label.contains("+"), label);
        assertEquals("Büro & Co:a+b@example.com", URLDecoder.decode(label, StandardCharsets.UTF_8));
        assertTrue(uri.contains("&issuer=B%C3%BCro%20%26%20Co&algorithm="), uri);
    }
}
