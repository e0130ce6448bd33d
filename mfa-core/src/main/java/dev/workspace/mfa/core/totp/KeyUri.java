package dev.workspace.mfa.core.totp;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The {@code otpauth://totp/Issuer:account?secret=…&issuer=Issuer&algorithm=SHA1&digits=6&period=30} URI that a QR code
 * carries (Google Authenticator key URI format). Issuer and account are percent-encoded (spaces as %20) and may not
 * contain a colon, which separates them in the label.
 */
public final class KeyUri {

    private KeyUri() {
    }

    public static String totp(String issuer, String account, byte[] secret) {
        String safeIssuer = issuer.replace(":", "");
        String safeAccount = account.replace(":", "");
        return "otpauth://totp/" + encode(safeIssuer) + ":" + encode(safeAccount)
                + "?secret=" + Base32.encode(secret)
                + "&issuer=" + encode(safeIssuer)
                + "&algorithm=SHA1&digits=" + Totp.STANDARD.digits() + "&period=" + Totp.STANDARD.periodSeconds();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20").replace("%40", "@");
    }
}
