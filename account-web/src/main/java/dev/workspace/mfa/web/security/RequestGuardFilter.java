package dev.workspace.mfa.web.security;

import dev.workspace.mfa.web.faces.Messages;
import jakarta.faces.webapp.FacesServlet;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * Refuses, before Faces or any page reads it, every request shape our pages never produce, each with its own 4xx and
 * a short plain-text reason (a Faces error page would parse the same body again):
 * servlets that the server adds to every application (404); methods other than GET, HEAD and POST (405 with {@code Allow}); session ids in the URL (400: sessions travel in the
 * cookie only); bodies that are multipart (except the import page's file, up to 20 MB) or of another type than a
 * URL-encoded form (415); chunked bodies, whose
 * length is unknown until read (411); forms over {@link #MAX_FORM_BYTES} (413); posts from another origin, told by
 * {@code Sec-Fetch-Site} or {@code Origin} (403), so that a state-changing request without a view state, such as
 * {@code POST /logout}, cannot be sent by another site. It also makes redirects relative, so that no
 * {@code Location} is built from the request's {@code Host} header.
 */
@WebFilter(urlPatterns = "/*")
public class RequestGuardFilter extends HttpFilter {

    static final long MAX_FORM_BYTES = 64 * 1024;
    /** The one page that takes a file: the people import, up to 20 MB. */
    static final String UPLOAD_PAGE = "/admin/import";
    static final long MAX_UPLOAD_BYTES = 20L * 1024 * 1024;
    /** The OpenAPI document of the admin API, served by Payara MicroProfile OpenAPI's servlet. */
    static final String OPEN_API_PATH = "/openapi";
    private static final String OPEN_API_SERVLET = "microprofile-openapi-servlet";
    static final String ALLOWED_METHODS = "GET, HEAD, POST";
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST");
    private static final String FORM_TYPE = "application/x-www-form-urlencoded";
    /**
     * A refused body up to this size is read and dropped, so that clients which only read the answer after sending
     * (Java's HttpClient, some proxies) get the refusal instead of a reset; above it the container may cut the connection.
     */
    private static final long MAX_DISCARDED_BYTES = 16 * 1024 * 1024;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (SignInMechanism.isApi(request)) {
            // The admin API takes JSON, CSV, PATCH and DELETE, and answers its own errors in JSON.
            chain.doFilter(request, response);
            return;
        }
        String refusal = refusal(request);
        if (refusal != null) {
            if (refusal.equals("405")) {
                response.setHeader("Allow", ALLOWED_METHODS);
            }
            discardBody(request);
            refuse(response, refusal);
            return;
        }
        if ("POST".equals(request.getMethod())) {
            try {
                // Parses the form now, so a body the container cannot read is refused here rather than inside a page.
                request.getParameterMap();
            } catch (IllegalStateException | IllegalArgumentException unparseable) {
                refuse(response, "400");
                return;
            }
        }
        chain.doFilter(request, new RelativeRedirects(response));
    }

    /** The bundle key of the reason to refuse the request ("405", "crossSite", …), or null to let it through. */
    static String refusal(HttpServletRequest request) {
        if (!ownServlet(request)) {
            return "404";
        }
        if (!METHODS.contains(request.getMethod())) {
            return "405";
        }
        if (request.isRequestedSessionIdFromURL() || request.getRequestURI().indexOf(';') >= 0) {
            return "400";
        }
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (request.getHeader("Transfer-Encoding") != null) {
            return "411";
        }
        if (type.startsWith("multipart/form-data") && "POST".equals(request.getMethod()) && isUploadPage(request)) {
            return request.getContentLengthLong() > MAX_UPLOAD_BYTES ? "413"
                    : fromAnotherOrigin(request) ? "crossSite" : null;
        }
        if (type.startsWith("multipart/")) {
            return "415";
        }
        if (request.getContentLengthLong() > MAX_FORM_BYTES) {
            return "413";
        }
        if (request.getContentLengthLong() > 0 && !type.startsWith(FORM_TYPE)) {
            return "415";
        }
        if ("POST".equals(request.getMethod()) && fromAnotherOrigin(request)) {
            return "crossSite";
        }
        return null;
    }

    private static boolean isUploadPage(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals(UPLOAD_PAGE) || path.equals(UPLOAD_PAGE + ".xhtml");
    }

    /**
     * Payara adds servlets of its own to every application (MicroProfile Health, the OpenAPI document and its WADL),
     * which would tell anyone about the server; only the pages and servlets of this application answer, and the
     * OpenAPI document of the admin API at exactly {@code /openapi}.
     */
    private static boolean ownServlet(HttpServletRequest request) {
        String name = request.getHttpServletMapping().getServletName();
        ServletRegistration servlet = name == null ? null : request.getServletContext().getServletRegistration(name);
        String type = servlet == null ? "" : String.valueOf(servlet.getClassName());
        return type.startsWith("dev.workspace.mfa.") || type.equals(FacesServlet.class.getName())
                || "default".equals(name) || isOpenApiDocument(request, name);
    }

    private static boolean isOpenApiDocument(HttpServletRequest request, String servletName) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return OPEN_API_SERVLET.equals(servletName) && (path.equals(OPEN_API_PATH) || path.equals(OPEN_API_PATH + "/"));
    }

    /**
     * Browsers say where a request comes from: {@code Sec-Fetch-Site} (all current ones), else {@code Origin}, which
     * must then name this very host. Clients that send neither (scripts, tests) carry no cookies of a victim.
     */
    static boolean fromAnotherOrigin(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return !site.equals("same-origin") && !site.equals("none");
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        try {
            URI uri = URI.create(origin);
            String host = request.getHeader("Host");
            return uri.getHost() == null || host == null
                    || !(uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort()).equalsIgnoreCase(host);
        } catch (IllegalArgumentException malformed) {
            return true;
        }
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

    private static void refuse(HttpServletResponse response, String reason) throws IOException {
        ResourceBundle texts = ResourceBundle.getBundle(Messages.BUNDLE, Locale.ENGLISH);
        response.setStatus(switch (reason) {
            case "crossSite" -> HttpServletResponse.SC_FORBIDDEN;
            default -> Integer.parseInt(reason);
        });
        SecurityHeaders.allowNothing(response);
        response.setContentType("text/plain");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(texts.getString("error." + reason) + ". "
                + texts.getString("error." + reason + ".explain") + "\n");
    }

    /**
     * {@code sendRedirect} would make the target absolute with the request's {@code Host} header, which any client
     * can set; a relative {@code Location} is resolved by the browser against the address it actually used.
     */
    static final class RelativeRedirects extends HttpServletResponseWrapper {

        RelativeRedirects(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            if (!SignInSession.isSameOriginPath(location)) {
                super.sendRedirect(location);
                return;
            }
            resetBuffer();
            setStatus(SC_FOUND);
            setHeader("Location", location);
            SecurityHeaders.allowNothing(this);
            flushBuffer();
        }
    }
}
