package dev.workspace.mfa.web.api;

import jakarta.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An API refusal: {@code {"error": "<code>", "message": "<text>"}} with its status. Thrown by resources; the mappers
 * in {@link ApiExceptionMappers} turn the services' refusals into the same shape.
 */
public class ApiError extends RuntimeException {

    private final int status;
    private final String code;

    public ApiError(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public static ApiError badRequest(String code, String message) {
        return new ApiError(400, code, message);
    }

    public Response response() {
        return response(status, code, getMessage());
    }

    public static Response response(int status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Json.createObjectBuilder().add("error", code).add("message", message).build().toString()).build();
    }
}
