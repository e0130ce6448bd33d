package dev.workspace.mfa.web.security;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BrowserDescriptionTest {

    @Test
    void namesTheBrowserAndTheSystemAPersonRecognises() {
        assertEquals("Edge on Windows", BrowserDescription.of("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
                + "(KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91"));
        assertEquals("Chrome on Linux", BrowserDescription.of("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 "
                + "(KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36"));
        assertEquals("Safari on iOS", BrowserDescription.of("Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) "
                + "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1"));
        assertEquals("Firefox on macOS", BrowserDescription.of("Mozilla/5.0 (Macintosh; Intel Mac OS X 14.2; rv:121.0) "
                + "Gecko/20100101 Firefox/121.0"));
        assertEquals("Chrome on Android", BrowserDescription.of("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 "
                + "(KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36"));
    }

    @Test
    void neverRepeatsWhatTheHeaderSays() {
        assertEquals("Unknown browser", BrowserDescription.of(null));
        assertEquals("Unknown browser", BrowserDescription.of("<script>alert(1)</script>"));
        assertEquals("Unknown browser on Linux", BrowserDescription.of("curl/8.0 (Linux)"));
    }
}
