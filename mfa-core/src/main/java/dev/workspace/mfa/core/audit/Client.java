package dev.workspace.mfa.core.audit;

import java.io.Serializable;

/**
 * Where a request came from, as the audit trail and the security emails name it: the client address (behind trusted
 * proxies, the forwarded one) and the browser's own description of itself, cut to a readable length.
 */
public record Client(String address, String browser) implements Serializable {

    private static final int MAX_BROWSER_LENGTH = 200;

    public Client {
        browser = browser == null || browser.isBlank() ? "unknown browser"
                : browser.strip().substring(0, Math.min(browser.strip().length(), MAX_BROWSER_LENGTH));
    }

    /** A caller that is not a browser (tests, the admin API). */
    public static Client of(String address) {
        return new Client(address, null);
    }
}
