package dev.workspace.mfa.web.admin;

import dev.workspace.mfa.core.directory.DirectorySync;
import dev.workspace.mfa.core.directory.DirectoryUnavailableException;
import dev.workspace.mfa.core.directory.SyncReport;
import dev.workspace.mfa.core.directory.SyncRun;
import dev.workspace.mfa.web.faces.Messages;
import dev.workspace.mfa.web.security.ClientAddress;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/** The company directory on /admin: when it was last read, and "Sync now". */
@Named
@RequestScoped
public class DirectoryStatusBean {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    @Inject
    private DirectorySync sync;

    @Inject
    private ClientAddress clientAddress;

    @Inject
    private FacesContext facesContext;

    private Optional<SyncRun> lastRun;

    public boolean isConfigured() {
        return sync.configured();
    }

    /** "2 Dec 2026 10:37 UTC: 120 in the directory, 118 refreshed, 2 deactivated", or empty before the first sync. */
    public String getLastRun() {
        if (lastRun == null) {
            lastRun = sync.lastRun();
        }
        return lastRun.map(run -> WHEN.format(run.at()) + ": " + run.summary()).orElse("");
    }

    public void syncNow() {
        try {
            Optional<SyncReport> report = sync.synchroniseNow(clientAddress.client(
                    (HttpServletRequest) facesContext.getExternalContext().getRequest()));
            lastRun = null;
            report.ifPresent(done -> Messages.info(facesContext, "directory.synced", done.listed(), done.refreshed(),
                    done.deactivated()));
        } catch (DirectoryUnavailableException e) {
            Messages.error(facesContext, null, "directory.unavailable");
            facesContext.getExternalContext().setResponseStatus(503);
        }
    }
}
