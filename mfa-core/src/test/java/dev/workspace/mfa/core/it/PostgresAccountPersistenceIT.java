package dev.workspace.mfa.core.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The account checks on PostgreSQL, when one answers on 127.0.0.1:5432 (database {@code test}, trust auth).
 * Each run starts from an empty schema of its own, so the results never depend on an earlier run.
 */
@ExtendWith(ArquillianExtension.class)
@EnabledIf(value = "postgresAvailable", disabledReason = "PostgreSQL is not reachable on 127.0.0.1:5432 (database test): skipped")
class PostgresAccountPersistenceIT extends AccountPersistenceChecks implements TwoFactorChecks, MethodChecks {

    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String SCHEMA = "mfa_core_it";
    static final String USER = "postgres";

    static boolean postgresAvailable() {
        try (Connection ignored = DriverManager.getConnection(SERVER + "?connectTimeout=3", USER, "")) {
            return true;
        } catch (SQLException e) {
            System.out.println("PostgreSQL tests skipped: " + e.getMessage());
            return false;
        }
    }

    @Deployment
    static WebArchive deployment() throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER, USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            statement.execute("CREATE SCHEMA " + SCHEMA);
        }
        return CoreDeployment.create("pg-accounts", SERVER + "?currentSchema=" + SCHEMA, USER, "unused");
    }
}
