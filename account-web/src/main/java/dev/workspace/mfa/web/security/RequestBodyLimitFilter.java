package dev.workspace.mfa.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.workspace.mfa.web.faces.Messages;

import java.io.IOException;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Our forms post a few hundred bytes; anything above {@link #MAX_FORM_BYTES} is refused with 413 before Faces reads
 * it, and so is a body the container refuses to parse as parameters, instead of failing deep in a page.
 */
@WebFilter(urlPatterns = "/*")
public class RequestBodyLimitFilter extends HttpFilter {

    static final long MAX_FORM_BYTES = 64 * 1024;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getContentLengthLong() > MAX_FORM_BYTES) {
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

    /**
     * Answered here in plain text: the Faces error page would read the same oversized body again and fail.
     * The connection is closed so the rest of the body is not read.
     */
    private static void refuse(HttpServletResponse response) throws IOException {
        ResourceBundle texts = ResourceBundle.getBundle(Messages.BUNDLE, Locale.ENGLISH);
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        response.setHeader("Connection", "close");
        response.setContentType("text/plain");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(texts.getString("error.413") + ". " + texts.getString("error.413.explain") + "\n");
    }
}
