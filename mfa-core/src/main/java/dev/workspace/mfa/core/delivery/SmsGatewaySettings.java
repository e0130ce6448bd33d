package dev.workspace.mfa.core.delivery;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/** Where SMS are posted (docs/delivery.md#sms) and the bearer token that goes along, if the gateway wants one. */
public record SmsGatewaySettings(URI url, Optional<String> token) {

    public SmsGatewaySettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(token, "token");
        if (!("https".equals(url.getScheme()) || "http".equals(url.getScheme())) || url.getHost() == null) {
            throw new IllegalArgumentException("MFA_SMS_GATEWAY_URL must be an http(s) URL");
        }
    }

    public static SmsGatewaySettings of(String url, Optional<String> token) {
        try {
            return new SmsGatewaySettings(URI.create(url), token);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("MFA_SMS_GATEWAY_URL must be an http(s) URL");
        }
    }

    /** Without the token, which must never reach a log. */
    @Override
    public String toString() {
        return "SmsGatewaySettings[" + url + (token.isPresent() ? ", with token" : "") + "]";
    }
}
