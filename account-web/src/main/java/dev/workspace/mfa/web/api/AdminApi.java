package dev.workspace.mfa.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

import java.util.Map;

/**
 * The admin REST API, {@code /api/v1}: JSON, bearer tokens only (see {@code SignInMechanism}), errors as {@link ApiError}.
 * Payara MicroProfile OpenAPI describes it at {@code /openapi}.
 */
@ApplicationPath(AdminApi.PATH)
@OpenAPIDefinition(info = @Info(title = "Workspace admin API", version = "1",
        description = "People, groups, the audit log and the workspace policy. Every request carries Authorization: Bearer <token> "
                + "(a personal API token from /admin/tokens, or MFA_BOOTSTRAP_API_TOKEN). Errors are "
                + "{\"error\": \"<code>\", \"message\": \"<text>\"} with 400, 401, 403, 404, 405, 409, 413 or 415."),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer")
public class AdminApi extends Application {

    public static final String PATH = "/api/v1";

    /** Jersey would also describe the API as WADL at {@code /api/v1/application.wadl}; OpenAPI is the one description. */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
