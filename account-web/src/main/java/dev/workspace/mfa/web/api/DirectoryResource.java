package dev.workspace.mfa.web.api;

import dev.workspace.mfa.core.directory.DirectorySync;
import dev.workspace.mfa.core.directory.DirectoryUnavailableException;
import dev.workspace.mfa.core.directory.SyncReport;
import dev.workspace.mfa.web.security.ClientAddress;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code POST /api/v1/directory/sync}: the hourly directory sync, now (after a leaver's last day, say). 409
 * {@code no_directory} without {@code MFA_LDAP_URL}, 503 {@code directory_unavailable} when no server answers.
 */
@Path("/directory")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DirectoryResource {

    @Inject
    private DirectorySync sync;

    @Inject
    private ClientAddress clientAddress;

    @Context
    private HttpServletRequest request;

    @POST
    @Path("sync")
    public String synchronise() {
        SyncReport report;
        try {
            report = sync.synchroniseNow(clientAddress.client(request))
                    .orElseThrow(() -> new ApiError(409, "no_directory", "No company directory is configured (MFA_LDAP_URL)."));
        } catch (DirectoryUnavailableException e) {
            throw new ApiError(503, "directory_unavailable", "The directory did not answer; nothing was changed. Try again in a minute.");
        }
        return Json.createObjectBuilder().add("listed", report.listed()).add("refreshed", report.refreshed())
                .add("deactivated", report.deactivated()).build().toString();
    }
}
