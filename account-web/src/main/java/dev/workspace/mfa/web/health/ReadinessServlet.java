package dev.workspace.mfa.web.health;

import dev.workspace.mfa.core.setup.ReadinessService;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** {@code GET /health/ready}: {@code {"status":"UP"}} with 200, or {@code {"status":"DOWN"}} with 503. */
@WebServlet("/health/ready")
public class ReadinessServlet extends HttpServlet {

    @Inject
    private ReadinessService readiness;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean ready = readiness.isReady();
        response.setStatus(ready ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(ready ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}");
    }
}
