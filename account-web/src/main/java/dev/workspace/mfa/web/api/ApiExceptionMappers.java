package dev.workspace.mfa.web.api;

import dev.workspace.mfa.core.account.AccountRejectedException;
import dev.workspace.mfa.core.account.AdminActionRefusedException;
import dev.workspace.mfa.web.faces.Messages;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every exception out of a resource becomes a JSON error: the services' refusals with the status their reason calls
 * for (the same texts as the console), a missing role 403, the framework's own refusals (unknown path, method, media
 * type) with their status, and anything unexpected a 500 without detail (logged).
 */
@Provider
public class ApiExceptionMappers implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMappers.class.getName());

    @Override
    public Response toResponse(Throwable thrown) {
        Throwable e = unwrap(thrown);
        if (e instanceof ApiError error) {
            return error.response();
        }
        if (e instanceof AccountRejectedException rejected) {
            int status = rejected.reason() == AccountRejectedException.Reason.EMAIL_TAKEN ? 409 : 400;
            return ApiError.response(status, code(rejected.reason().name()), text(rejected.reason().name()));
        }
        if (e instanceof AdminActionRefusedException refused) {
            int status = switch (refused.reason()) {
                case NOT_FOUND -> 404;
                case LAST_OWNER, NAME_TAKEN, ALREADY_SIGNED_IN, OWNER_NEEDS_TWO_FACTOR -> 409;
                case OWNER_ONLY, OWN_ACCOUNT -> 403;
                default -> 400;
            };
            return ApiError.response(status, code(refused.reason().name()), text(refused.reason().name()));
        }
        if (e instanceof EJBAccessException) {
            return ApiError.response(403, "forbidden", "Your role does not allow this.");
        }
        if (e instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            int status = web.getResponse().getStatus();
            return ApiError.response(status, status == 404 ? "not_found" : status == 405 ? "method_not_allowed"
                    : status == 415 ? "unsupported_media_type" : status == 406 ? "not_acceptable" : "bad_request",
                    web.getResponse().getStatusInfo().getReasonPhrase());
        }
        LOG.log(Level.SEVERE, "Admin API request failed", thrown);
        return ApiError.response(500, "internal_error", "Something went wrong on our side.");
    }

    private static Throwable unwrap(Throwable thrown) {
        Throwable e = thrown;
        while (e instanceof EJBException && !(e instanceof EJBAccessException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    private static String code(String reason) {
        return reason.toLowerCase(Locale.ROOT);
    }

    private static String text(String reason) {
        return ResourceBundle.getBundle(Messages.BUNDLE, Locale.ENGLISH).getString("people.refused." + reason);
    }
}
