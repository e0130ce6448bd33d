package dev.workspace.mfa.core.directory;

import dev.workspace.mfa.core.config.MfaSettings;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;

/** One LDAP client per application, made at first use from the settings, closed with the application. */
@ApplicationScoped
public class CompanyDirectoryBean implements CompanyDirectory {

    @Inject
    private MfaSettings mfaSettings;

    private Optional<DirectorySettings> settings;
    private LdapDirectory ldap;

    @Override
    public synchronized Optional<DirectorySettings> settings() {
        if (settings == null) {
            settings = DirectorySettings.from(mfaSettings);
        }
        return settings;
    }

    @Override
    public boolean configured() {
        return settings().isPresent();
    }

    @Override
    public Optional<DirectoryPerson> authenticate(String email, String password) throws DirectoryUnavailableException {
        return ldap().authenticate(email, password);
    }

    @Override
    public List<DirectoryPerson> everyone() throws DirectoryUnavailableException {
        return ldap().everyone();
    }

    private synchronized LdapDirectory ldap() {
        if (ldap == null) {
            ldap = new LdapDirectory(settings().orElseThrow(() -> new IllegalStateException("no directory configured")));
        }
        return ldap;
    }

    @PreDestroy
    synchronized void close() {
        if (ldap != null) {
            ldap.close();
        }
    }
}
