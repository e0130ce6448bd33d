package dev.workspace.mfa.core.directory;

import dev.workspace.mfa.core.audit.Client;

import java.util.Optional;

/** The directory sync, on demand (admins, the API) and every hour on its own. */
public interface DirectorySync {

    /**
     * Reads everyone from the directory now and brings our directory people in line: names, groups, roles, and
     * leavers deactivated. For admins and owners; audited.
     *
     * @return empty when no directory is configured
     * @throws DirectoryUnavailableException when no server of the directory answered (nothing changed)
     */
    Optional<SyncReport> synchroniseNow(Client client) throws DirectoryUnavailableException;

    /** A company directory is configured ({@code MFA_LDAP_URL}). */
    boolean configured();

    /** The newest sync, on demand or hourly; empty before the first. For admins and owners. */
    Optional<SyncRun> lastRun();
}
