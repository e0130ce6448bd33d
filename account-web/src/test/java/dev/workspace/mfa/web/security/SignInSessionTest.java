package dev.workspace.mfa.web.security;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignInSessionTest {

    @Test
    void pathsOnThisSiteAreReturnTargets() {
        assertTrue(SignInSession.isSameOriginPath("/"));
        assertTrue(SignInSession.isSameOriginPath("/admin"));
        assertTrue(SignInSession.isSameOriginPath("/account/security?tab=2"));
    }

    @Test
    void anythingABrowserCouldReadAsAnotherHostIsNot() {
        assertFalse(SignInSession.isSameOriginPath(null));
        assertFalse(SignInSession.isSameOriginPath(""));
        assertFalse(SignInSession.isSameOriginPath("https://evil.example/"));
        assertFalse(SignInSession.isSameOriginPath("//evil.example/"));
        assertFalse(SignInSession.isSameOriginPath("/\\evil.example/"));
        assertFalse(SignInSession.isSameOriginPath("evil.example"));
        assertFalse(SignInSession.isSameOriginPath("/\t/evil.example"), "browsers drop tabs and newlines in URLs");
        assertFalse(SignInSession.isSameOriginPath("/\n/evil.example"));
    }
}
