package dev.workspace.mfa.web.api;

import dev.workspace.mfa.admin.audit.AuditEntry;
import dev.workspace.mfa.admin.audit.AuditPage;
import dev.workspace.mfa.admin.audit.AuditQuery;
import dev.workspace.mfa.admin.audit.AuditTrail;
import dev.workspace.mfa.web.admin.AuditCsv;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * {@code /api/v1/audit} (JSON pages) and {@code /api/v1/audit.csv} (the same filter, streamed): newest first;
 * {@code from} and {@code to} are ISO-8601 instants ({@code to} exclusive).
 */
@Path("")
@RequestScoped
public class AuditResource {

    @Inject
    private AuditTrail trail;

    @GET
    @Path("audit")
    @Produces(MediaType.APPLICATION_JSON)
    public String list(@QueryParam("subject") String subject, @QueryParam("actor") String actor,
                       @QueryParam("type") String type, @QueryParam("from") String from, @QueryParam("to") String to,
                       @QueryParam("page") String page, @QueryParam("size") String size) {
        AuditPage result = trail.find(new AuditQuery(subject, actor, type, instant("from", from), instant("to", to),
                Parameters.number("page", page, 0, 0, 1_000_000), Parameters.number("size", size, 50, 1, AuditQuery.MAX_SIZE)));
        JsonArrayBuilder items = Json.createArrayBuilder();
        result.items().forEach(entry -> items.add(json(entry)));
        return Json.createObjectBuilder().add("total", result.total()).add("items", items).build().toString();
    }

    @GET
    @Path("audit.csv")
    @Produces("text/csv")
    public Response export(@QueryParam("subject") String subject, @QueryParam("actor") String actor,
                           @QueryParam("type") String type, @QueryParam("from") String from, @QueryParam("to") String to) {
        AuditQuery query = new AuditQuery(subject, actor, type, instant("from", from), instant("to", to), 0, 1);
        // Checked before streaming starts, so an unknown type is still a clean 400.
        trail.find(new AuditQuery(null, null, type, null, null, 0, 1));
        StreamingOutput body = output -> {
            Writer out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            out.write(AuditCsv.HEADER);
            trail.export(query, entry -> AuditCsv.write(out, entry));
            out.flush();
        };
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"audit.csv\"").build();
    }

    private static JsonObjectBuilder json(AuditEntry entry) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("time", entry.time().toString()).add("type", entry.type());
        nullable(json, "actor", entry.actor());
        nullable(json, "subject", entry.subject());
        nullable(json, "clientAddress", entry.clientAddress());
        nullable(json, "detail", entry.detail());
        return json;
    }

    private static void nullable(JsonObjectBuilder json, String field, String value) {
        if (value == null) {
            json.addNull(field);
        } else {
            json.add(field, value);
        }
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest("bad_parameter", "\"" + name + "\" is an ISO-8601 time such as 2026-01-31T00:00:00Z.");
        }
    }
}
