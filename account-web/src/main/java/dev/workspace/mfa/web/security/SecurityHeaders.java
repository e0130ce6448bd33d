package dev.workspace.mfa.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Headers every response carries. They are set by {@link SignInMechanism}, the first code of ours that every request
 * meets: the redirects it answers itself never reach a servlet filter. Faces pages get their Content-Security-Policy
 * from PrimeFaces (nonce-based, {@code primefaces.CSP_POLICY} in web.xml); whatever answers with anything else (plain
 * text, JSON, a redirect) calls {@link #allowNothing}, since two CSP headers would be intersected and block a page.
 */
public final class SecurityHeaders {

    static final String NON_PAGE_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private SecurityHeaders() {
    }

    /** A year; not for subdomains, which may be other intranet services still on plain HTTP. */
    static final String STRICT_TRANSPORT = "max-age=31536000";

    static void apply(HttpServletRequest request, HttpServletResponse response, boolean servedOverHttps) {
        if (servedOverHttps) {
            response.setHeader("Strict-Transport-Security", STRICT_TRANSPORT);
        }
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        response.setHeader("Cross-Origin-Resource-Policy", "same-origin");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/jakarta.faces.resource/")) {
            // Pages show personal data: never from a shared cache or the back button after sign-out.
            response.setHeader("Cache-Control", "no-store");
        }
    }

    /** For a response that is not a Faces page: it may load, run or frame nothing. */
    public static void allowNothing(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", NON_PAGE_POLICY);
    }
}
