package dev.workspace.mfa.admin.it;

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
 * The admin service checks on PostgreSQL, when one answers on 127.0.0.1:5432 (database {@code test}, trust auth), in
 * a schema of their own that each run starts empty.
 */
@ExtendWith(ArquillianExtension.class)
@EnabledIf(value = "postgresAvailable", disabledReason = "PostgreSQL is not reachable on 127.0.0.1:5432 (database test): skipped")
class PostgresAdminServicesIT extends AdminServicesChecks {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String SCHEMA = "mfa_admin_it";

    static boolean postgresAvailable() {
        try (Connection ignored = DriverManager.getConnection(SERVER + "?connectTimeout=3", "postgres", "")) {
            return true;
        } catch (SQLException e) {
            System.out.println("PostgreSQL tests skipped: " + e.getMessage());
            return false;
        }
    }

    @Deployment
    static WebArchive deployment() throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER, "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            statement.execute("CREATE SCHEMA " + SCHEMA);
        }
        return AdminDeployment.create("pg-admin", SERVER + "?currentSchema=" + SCHEMA, "postgres");
    }
}
