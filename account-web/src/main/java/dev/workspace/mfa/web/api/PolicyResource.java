package dev.workspace.mfa.web.api;

import dev.workspace.mfa.core.policy.PolicyService;
import dev.workspace.mfa.core.policy.WorkspacePolicy;
import dev.workspace.mfa.web.security.ClientAddress;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code /api/v1/policy} for owners: {@code GET} answers the policy in force as exactly the fields below, and {@code PUT}
 * takes that object back, changed, every field present. The rules (bounds, the owner's own 2FA, history, audit) are the
 * policy service's.
 */
@Path("/policy")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PolicyResource {

    private static final Set<String> FIELDS = Set.of("requireTwoFactor", "graceDays", "allowedMethods",
            "recoveryCodesViewable", "rememberDeviceDays", "adminsRequireTwoFactor", "enforceGroups", "excludeGroups");

    @Inject
    private PolicyService policies;

    @Inject
    private ClientAddress clientAddress;

    @Context
    private HttpServletRequest request;

    @GET
    public String get() {
        ownerOnly();
        return json(policies.current());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public String put(String body) {
        ownerOnly();
        JsonObject object = JsonBodies.object(body, FIELDS);
        Set<String> missing = new TreeSet<>(FIELDS);
        missing.removeAll(object.keySet());
        if (!missing.isEmpty()) {
            throw ApiError.badRequest("bad_body", "Every field of the policy is needed; missing: " + String.join(", ", missing) + ".");
        }
        WorkspacePolicy requested = new WorkspacePolicy(required(JsonBodies.bool(object, "requireTwoFactor")),
                required(JsonBodies.count(object, "graceDays", WorkspacePolicy.MAX_GRACE_DAYS)), null,
                set(JsonBodies.strings(object, "allowedMethods")), required(JsonBodies.bool(object, "recoveryCodesViewable")),
                required(JsonBodies.count(object, "rememberDeviceDays", WorkspacePolicy.MAX_REMEMBER_DEVICE_DAYS)),
                required(JsonBodies.bool(object, "adminsRequireTwoFactor")),
                set(JsonBodies.strings(object, "enforceGroups")), set(JsonBodies.strings(object, "excludeGroups")));
        return json(policies.change(requested, clientAddress.client(request)));
    }

    /** The policy is the owner's: an admin's token reads and changes people, not the rules over them. */
    private void ownerOnly() {
        if (!request.isUserInRole("owner")) {
            throw new ApiError(403, "owner_only", "Only an owner can read or change the workspace policy.");
        }
    }

    private static <T> T required(T value) {
        if (value == null) {
            throw ApiError.badRequest("bad_body", "Policy fields may not be null.");
        }
        return value;
    }

    private static Set<String> set(List<String> values) {
        return new HashSet<>(required(values));
    }

    private static String json(WorkspacePolicy policy) {
        return Json.createObjectBuilder()
                .add("requireTwoFactor", policy.requireTwoFactor())
                .add("graceDays", policy.graceDays())
                .add("allowedMethods", Json.createArrayBuilder(new TreeSet<>(policy.allowedMethods())))
                .add("recoveryCodesViewable", policy.recoveryCodesViewable())
                .add("rememberDeviceDays", policy.rememberDeviceDays())
                .add("adminsRequireTwoFactor", policy.adminsRequireTwoFactor())
                .add("enforceGroups", Json.createArrayBuilder(new TreeSet<>(policy.enforceGroups())))
                .add("excludeGroups", Json.createArrayBuilder(new TreeSet<>(policy.excludeGroups())))
                .build().toString();
    }
}
