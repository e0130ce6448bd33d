package dev.workspace.mfa.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Headers every response carries. Faces pages get their Content-Security-Policy from PrimeFaces (nonce-based,
 * {@code primefaces.CSP_POLICY} in web.xml); every other response gets a deny-all policy here, since two CSP
 * headers would be intersected and block the pages' scripts.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeadersFilter extends HttpFilter {

    static final String NON_PAGE_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        boolean facesResource = request.getRequestURI().startsWith(request.getContextPath() + "/jakarta.faces.resource/");
        if (!facesResource) {
            // Pages show personal data: never from a shared cache or the back button after sign-out.
            response.setHeader("Cache-Control", "no-store");
        }
        String servlet = request.getHttpServletMapping().getServletName();
        // The default servlet only answers unknown paths here, and their error page is a Faces page.
        if (!"FacesServlet".equals(servlet) && !"default".equals(servlet)) {
            response.setHeader("Content-Security-Policy", NON_PAGE_POLICY);
        }
        chain.doFilter(request, response);
    }
}
