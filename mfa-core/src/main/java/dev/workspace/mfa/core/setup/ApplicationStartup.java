package dev.workspace.mfa.core.setup;

import dev.workspace.mfa.core.config.MfaSettings;
import dev.workspace.mfa.core.directory.CompanyDirectory;
import dev.workspace.mfa.persistence.migration.SchemaMigration;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.util.logging.Logger;

/**
 * Migrates the schema, then makes sure an administrator exists, before any page is served.
 * The datasource is defined here so that the EAR and the Micro WAR carry it alike; its URL, user and password come
 * from {@code MFA_DB_URL}, {@code MFA_DB_USER}, {@code MFA_DB_PASSWORD} (defaults in microprofile-config.properties).
 */
@Singleton
@Startup
@DataSourceDefinition(
        name = ApplicationStartup.DATASOURCE,
        className = "dev.workspace.mfa.core.setup.ConfiguredDataSource",
        url = "${MPCONFIG=mfa.db.url}",
        user = "${MPCONFIG=mfa.db.user}",
        password = "${MPCONFIG=mfa.db.password}",
        minPoolSize = 2,
        maxPoolSize = 32,
        properties = {"fish.payara.is-connection-validation-required=true", "fish.payara.connection-validation-method=meta-data"})
public class ApplicationStartup {

    public static final String DATASOURCE = "java:app/jdbc/mfa";

    private static final Logger LOG = Logger.getLogger(ApplicationStartup.class.getName());

    @Resource(lookup = DATASOURCE)
    private DataSource dataSource;

    @Inject
    private BootstrapAdministrator bootstrapAdministrator;

    @Inject
    private MfaSettings settings;

    @Inject
    private CompanyDirectory directory;

    private volatile boolean started;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void start() {
        int applied = new SchemaMigration(dataSource).migrate();
        LOG.info(() -> "Database schema up to date (" + applied + " migration(s) applied now)");
        bootstrapAdministrator.ensureAdministratorExists();
        if (settings.bootstrapApiTokenTooShort()) {
            LOG.warning("MFA_BOOTSTRAP_API_TOKEN is ignored: it needs at least " + MfaSettings.MIN_BOOTSTRAP_TOKEN_LENGTH
                    + " characters (for example the output of: openssl rand -base64 32)");
        }
        // A wrong MFA_LDAP_* setting stops the start with its message, rather than failing every sign-in later.
        directory.settings().ifPresent(ldap -> LOG.info(() -> "Company directory: " + ldap));
        started = true;
    }

    /** True once migrations ran and the administrator exists. */
    public boolean isStarted() {
        return started;
    }
}
