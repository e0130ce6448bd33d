package dev.workspace.mfa.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The admin REST API, {@code /api/v1}: JSON, bearer tokens only (see {@code SignInMechanism}), errors as {@link ApiError}. */
@ApplicationPath(AdminApi.PATH)
public class AdminApi extends Application {

    public static final String PATH = "/api/v1";
}
