package dev.workspace.mfa.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.workspace.mfa.web.faces.Messages;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Our forms post a few hundred bytes; anything above {@link #MAX_FORM_BYTES} is refused with 413 before Faces reads
 * it, and so is a body the container refuses to parse as parameters, instead of failing deep in a page.
 */
@WebFilter(urlPatterns = "/*")
public class RequestBodyLimitFilter extends HttpFilter {

    static final long MAX_FORM_BYTES = 64 * 1024;
    /**
     * A refused body up to this size is read and dropped, so that clients which only read the answer after sending
     * (Java's HttpClient, some proxies) get the 413 instead of a reset; above it the container may cut the connection.
     */
    static final long MAX_DISCARDED_BYTES = 16 * 1024 * 1024;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getContentLengthLong() > MAX_FORM_BYTES) {
            discardBody(request);
            refuse(response);
            return;
        }
        if ("POST".equals(request.getMethod())) {
            try {
                // Parses the body now (the container keeps the result), so a chunked body over the container's
                // limit is caught here rather than as a 500 inside Faces.
                request.getParameterMap();
            } catch (IllegalStateException unparseable) {
                refuse(response);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static void discardBody(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_DISCARDED_BYTES) {
            return;
        }
        InputStream body = request.getInputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int read; total <= MAX_DISCARDED_BYTES && (read = body.read(buffer)) != -1; ) {
            total += read;
        }
    }

    /**
     * Answered here in plain text: the Faces error page would read the same oversized body again and fail.
     */
    private static void refuse(HttpServletResponse response) throws IOException {
        ResourceBundle texts = ResourceBundle.getBundle(Messages.BUNDLE, Locale.ENGLISH);
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        response.setContentType("text/plain");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(texts.getString("error.413") + ". " + texts.getString("error.413.explain") + "\n");
    }
}
