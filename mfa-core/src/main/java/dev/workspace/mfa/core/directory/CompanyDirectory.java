package dev.workspace.mfa.core.directory;

import java.util.List;
import java.util.Optional;

/** The company directory the operator configured with {@code MFA_LDAP_*}; without {@code MFA_LDAP_URL}, none. */
public interface CompanyDirectory {

    boolean configured();

    /** @see LdapDirectory#authenticate(String, String) */
    Optional<DirectoryPerson> authenticate(String email, String password) throws DirectoryUnavailableException;

    /** Everyone the directory lists, for the sync. */
    List<DirectoryPerson> everyone() throws DirectoryUnavailableException;

    /** The settings in use (never with the service account's password in their description). */
    Optional<DirectorySettings> settings();
}
