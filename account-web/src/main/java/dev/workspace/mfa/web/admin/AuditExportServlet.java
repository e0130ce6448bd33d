package dev.workspace.mfa.web.admin;

import dev.workspace.mfa.admin.audit.AuditQuery;
import dev.workspace.mfa.admin.audit.AuditTrail;
import dev.workspace.mfa.core.account.AdminActionRefusedException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.DateTimeException;

/**
 * {@code GET /admin/audit.csv?subject=&actor=&type=&from=&to=} (dates as yyyy-mm-dd, UTC, {@code to} inclusive): the
 * console's Export CSV, streamed as it is read.
 */
@WebServlet("/admin/audit.csv")
public class AuditExportServlet extends HttpServlet {

    @Inject
    private AuditTrail trail;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        AuditQuery query;
        try {
            query = new AuditQuery(request.getParameter("subject"), request.getParameter("actor"),
                    request.getParameter("type"), day(request.getParameter("from"), 0), day(request.getParameter("to"), 1), 0, 1);
        } catch (DateTimeException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        response.setContentType("text/csv");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"audit.csv\"");
        Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        out.write(AuditCsv.HEADER);
        try {
            trail.export(query, entry -> AuditCsv.write(out, entry));
        } catch (AdminActionRefusedException unknownType) {
            if (!response.isCommitted()) {
                response.reset();
                response.sendError(HttpServletResponse.SC_BAD_REQUEST);
                return;
            }
        }
        out.flush();
    }

    /** A day in UTC, plus the given number of days (1 makes the end of a range inclusive); null when not given. */
    static Instant day(String value, int plusDays) {
        return value == null || value.isBlank() ? null
                : LocalDate.parse(value.strip()).plusDays(plusDays).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
