package dev.workspace.mfa.persistence.migration;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

import javax.sql.DataSource;

/** Brings a database to the newest schema; the only code allowed to change the schema. */
public final class SchemaMigration {

    /** Flyway location of the scripts, beside this class in the persistence jar. */
    static final String LOCATION = "classpath:dev/workspace/mfa/persistence/migration";

    private final Flyway flyway;

    public SchemaMigration(DataSource dataSource) {
        this.flyway = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
                .failOnMissingLocations(true)
                .load();
    }

    /** Applies pending scripts; returns how many were applied. */
    public int migrate() {
        return flyway.migrate().migrationsExecuted;
    }

    /** True when every known script has been applied and none is pending or failed. */
    public boolean isUpToDate() {
        MigrationInfo[] pending = flyway.info().pending();
        MigrationInfo current = flyway.info().current();
        return current != null && pending.length == 0;
    }
}
