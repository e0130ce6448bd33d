package dev.workspace.mfa.web.api;

import dev.workspace.mfa.admin.importing.ImportReader;
import dev.workspace.mfa.admin.importing.ImportResult;
import dev.workspace.mfa.admin.importing.PeopleImport;
import dev.workspace.mfa.admin.people.AddedPerson;
import dev.workspace.mfa.admin.people.NewPerson;
import dev.workspace.mfa.admin.people.PeopleAdministration;
import dev.workspace.mfa.admin.people.PeopleDirectory;
import dev.workspace.mfa.admin.people.PeopleQuery;
import dev.workspace.mfa.admin.people.Person;
import dev.workspace.mfa.admin.people.PersonChanges;
import dev.workspace.mfa.admin.people.PersonPage;
import dev.workspace.mfa.core.audit.Client;
import dev.workspace.mfa.web.admin.ImportMessages;
import dev.workspace.mfa.web.security.ClientAddress;
import dev.workspace.mfa.web.security.PublicLinks;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code /api/v1/users}: the people, through the same services as the console. */
@Path("/users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

    /** {@code policy=grace}: people without 2FA within a grace period; {@code policy=due}: past their deadline. */
    private static PeopleQuery.PolicyState policyState(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return PeopleQuery.PolicyState.ofParameter(value.strip())
                .orElseThrow(() -> ApiError.badRequest("bad_parameter", "\"policy\" is grace or due."));
    }

    private static final Set<String> NEW_USER_FIELDS = Set.of("email", "name", "roles", "groups", "password", "invite");
    private static final Set<String> CHANGE_FIELDS = Set.of("name", "roles", "groups", "active");
    private static final long MAX_IMPORT_BYTES = 20L * 1024 * 1024;

    @Inject
    private PeopleDirectory directory;

    @Inject
    private PeopleAdministration administration;

    @Inject
    private PeopleImport peopleImport;

    @Inject
    private ClientAddress clientAddress;

    @Inject
    private PublicLinks links;

    @Context
    private HttpServletRequest request;

    @GET
    public String list(@QueryParam("q") String q, @QueryParam("role") String role, @QueryParam("group") String group,
                       @QueryParam("twoFactor") String twoFactor, @QueryParam("method") String method,
                       @QueryParam("locked") String locked, @QueryParam("active") String active,
                       @QueryParam("policy") String policy, @QueryParam("page") String page, @QueryParam("size") String size, @QueryParam("sort") String sort) {
        String sortField = sort == null || sort.isBlank() ? "email" : sort.strip();
        boolean descending = sortField.startsWith("-");
        PeopleQuery query = new PeopleQuery(q, blankToNull(role), group, Parameters.flag("twoFactor", twoFactor, "on", "off"),
                blankToNull(method), Parameters.flag("locked", locked, "true", "false"), Parameters.flag("active", active, "true", "false"),
                policyState(policy), sort(descending ? sortField.substring(1) : sortField), descending,
                Parameters.number("page", page, 0, 0, Integer.MAX_VALUE / PeopleQuery.MAX_SIZE),
                Parameters.number("size", size, 50, 1, PeopleQuery.MAX_SIZE));
        PersonPage result = directory.find(query);
        JsonArrayBuilder items = Json.createArrayBuilder();
        result.items().forEach(person -> items.add(json(person)));
        return Json.createObjectBuilder().add("total", result.total()).add("items", items).build().toString();
    }

    @GET
    @Path("{id}")
    public String get(@PathParam("id") String id) {
        return json(directory.person(id(id)).orElseThrow(UsersResource::notFound)).build().toString();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String body) {
        JsonObject json = JsonBodies.object(body, NEW_USER_FIELDS);
        Boolean invite = JsonBodies.bool(json, "invite");
        String password = JsonBodies.string(json, "password");
        if (Boolean.TRUE.equals(invite) && password != null) {
            throw ApiError.badRequest("bad_body", "Give either \"password\" or \"invite\", not both.");
        }
        AddedPerson added = administration.add(new NewPerson(JsonBodies.string(json, "email"),
                JsonBodies.string(json, "name"), JsonBodies.strings(json, "roles"), JsonBodies.strings(json, "groups"),
                password, Boolean.TRUE.equals(invite)), links.setPasswordBase(request), client());
        JsonObjectBuilder answer = json(added.person());
        if (added.temporaryPassword() != null) {
            answer.add("temporaryPassword", added.temporaryPassword());
        }
        return Response.status(201).header("Location", request.getContextPath() + AdminApi.PATH + "/users/"
                + added.person().id()).entity(answer.build().toString()).build();
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public String change(@PathParam("id") String id, String body) {
        JsonObject json = JsonBodies.object(body, CHANGE_FIELDS);
        return json(administration.change(id(id), new PersonChanges(JsonBodies.string(json, "name"),
                JsonBodies.strings(json, "roles"), JsonBodies.strings(json, "groups"), JsonBodies.bool(json, "active")),
                client())).build().toString();
    }

    @POST
    @Path("{id}/reset-two-factor")
    public Response resetTwoFactor(@PathParam("id") String id) {
        administration.resetTwoFactor(id(id), client());
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/unlock")
    public Response unlock(@PathParam("id") String id) {
        administration.unlock(id(id), client());
        return Response.noContent().build();
    }

    /**
     * {@code text/csv} or {@code application/json}, at most 20 MB, read as UTF-8; each line is imported on its own. The
     * body is spooled to a temporary file first, so that one over the limit imports nothing: a chunked body has no
     * length to check up front, and lines imported before a 413 would be a half-done import nobody was told about.
     */
    @POST
    @Path("import")
    @Consumes({"text/csv", MediaType.APPLICATION_JSON})
    public String importPeople(@HeaderParam("Content-Type") String type, InputStream body) throws IOException {
        ImportReader.Format format = type != null && type.toLowerCase(Locale.ROOT).startsWith("text/csv")
                ? ImportReader.Format.CSV : ImportReader.Format.JSON;
        if (request.getContentLengthLong() > MAX_IMPORT_BYTES) {
            throw new ApiError(413, "too_large", "The file is larger than 20 MB. Split it and import the parts.");
        }
        java.nio.file.Path spooled = Files.createTempFile("people-import-", ".upload");
        ImportResult result;
        try {
            try (InputStream bounded = new BoundedInputStream(body, MAX_IMPORT_BYTES)) {
                Files.copy(bounded, spooled, StandardCopyOption.REPLACE_EXISTING);
            }
            try (Reader file = new InputStreamReader(Files.newInputStream(spooled), StandardCharsets.UTF_8)) {
                result = peopleImport.importPeople(format, file, client());
            }
        } finally {
            Files.deleteIfExists(spooled);
        }
        JsonArrayBuilder errors = Json.createArrayBuilder();
        result.errors().forEach(error -> errors.add(Json.createObjectBuilder().add("line", error.line())
                .add("error", error.code().toLowerCase(Locale.ROOT)).add("message", ImportMessages.text(error))));
        return Json.createObjectBuilder().add("created", result.created()).add("updated", result.updated())
                .add("errors", errors).add("moreErrors", result.moreErrors()).build().toString();
    }

    static JsonObjectBuilder json(Person person) {
        JsonObjectBuilder twoFactor = Json.createObjectBuilder().add("enabled", person.twoFactorEnabled())
                .add("recoveryCodesLeft", person.recoveryCodesLeft());
        if (person.method() == null) {
            twoFactor.addNull("method");
        } else {
            twoFactor.add("method", person.method());
        }
        JsonObjectBuilder json = Json.createObjectBuilder().add("id", Long.toString(person.id()))
                .add("email", person.email()).add("name", person.name())
                .add("roles", Json.createArrayBuilder(person.roles())).add("groups", Json.createArrayBuilder(person.groups()))
                .add("active", person.active()).add("locked", person.locked()).add("twoFactor", twoFactor)
                .add("source", person.fromDirectory() ? "directory" : "local");
        time(json, "lastSignIn", person.lastSignIn());
        time(json, "created", person.created());
        time(json, "directorySynced", person.directorySynced());
        return json;
    }

    private static void time(JsonObjectBuilder json, String field, Instant time) {
        if (time == null) {
            json.addNull(field);
        } else {
            json.add(field, time.toString());
        }
    }

    private Client client() {
        return clientAddress.client(request);
    }

    static long id(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw notFound();
        }
    }

    private static ApiError notFound() {
        return new ApiError(404, "not_found", "No such person.");
    }

    private static PeopleQuery.Sort sort(String field) {
        return switch (field) {
            case "email" -> PeopleQuery.Sort.EMAIL;
            case "name" -> PeopleQuery.Sort.NAME;
            case "created" -> PeopleQuery.Sort.CREATED;
            case "lastSignIn" -> PeopleQuery.Sort.LAST_SIGN_IN;
            default -> throw ApiError.badRequest("bad_parameter", "\"sort\" is one of email, name, created, lastSignIn, "
                    + "with - before it for descending.");
        };
    }



    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

}
