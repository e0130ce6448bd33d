package dev.workspace.mfa.web.faces;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PagePathTest {

    @Test
    void pagesAreServedWithoutTheirSuffix() {
        assertEquals("/login", PagePath.of("/login.xhtml"));
        assertEquals("/account/security", PagePath.of("/account/security.xhtml"));
        assertEquals("/login/new-password", PagePath.of("/login/new-password"));
        assertEquals("/", PagePath.of("/index.xhtml"));
    }

    @Test
    void anythingButAPlainPathOfOursIsHome() {
        for (String hostile : new String[]{null, "", "//evil.example/login.xhtml", "/\\evil.example", "/a/../b.xhtml",
                "/login.xhtml?x=1", "http://evil.example/", "/login;jsessionid=1"}) {
            assertEquals("/", PagePath.of(hostile), String.valueOf(hostile));
        }
    }
}
