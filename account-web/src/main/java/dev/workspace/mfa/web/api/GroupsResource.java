package dev.workspace.mfa.web.api;

import dev.workspace.mfa.admin.groups.Group;
import dev.workspace.mfa.admin.groups.GroupAdministration;
import dev.workspace.mfa.web.security.ClientAddress;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Set;

/** {@code /api/v1/groups}: list, create, rename ({@code PATCH {"name"}}) and delete groups, by name. */
@Path("/groups")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class GroupsResource {

    private static final Set<String> FIELDS = Set.of("name");

    @Inject
    private GroupAdministration groups;

    @Inject
    private ClientAddress clientAddress;

    @Context
    private HttpServletRequest request;

    @GET
    public String list() {
        JsonArrayBuilder items = Json.createArrayBuilder();
        groups.list().forEach(group -> items.add(json(group)));
        return Json.createObjectBuilder().add("items", items).build().toString();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String body) {
        Group group = groups.create(JsonBodies.string(JsonBodies.object(body, FIELDS), "name"), clientAddress.client(request));
        return Response.status(201).entity(json(group).build().toString()).build();
    }

    @PATCH
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    public String rename(@PathParam("name") String name, String body) {
        return json(groups.rename(name, JsonBodies.string(JsonBodies.object(body, FIELDS), "name"),
                clientAddress.client(request))).build().toString();
    }

    @DELETE
    @Path("{name}")
    public Response delete(@PathParam("name") String name) {
        groups.delete(name, clientAddress.client(request));
        return Response.noContent().build();
    }

    private static JsonObjectBuilder json(Group group) {
        return Json.createObjectBuilder().add("name", group.name()).add("members", group.members());
    }
}
