package dev.workspace.mfa.persistence.migration;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The upgrade of a database in use: the schema as it stood at version 3 (one {@code second_factor} row per person,
 * holding the TOTP secret, the last accepted step, the failure counter and the recovery-code salt), with data, then
 * every later script. Nothing a person had may be lost: their secret, their last step (or a used code would work
 * again), a running lock (or an attacker's guesses would start again at zero), their recovery codes and salt.
 * Runs on H2 (as Payara Micro ships it) and, when one answers on 127.0.0.1:5432, on PostgreSQL (database
 * {@code test}, trust auth) in a schema of its own that is dropped afterwards.
 */
class SchemaMigrationFromV3Test {

    static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String POSTGRES_USER = "postgres";

    /** The person with the app, three failures and a running lock. */
    static final long ANN = 101;
    /** The person with the app and no failures. */
    static final long BOB = 102;
    /** The person without a second factor. */
    static final long CY = 103;

    static final String ANNS_SECRET = "v1:q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80=";
    static final String BOBS_SECRET = "v1:ASNFZ4mrze8BI0VniavN7wEjRWeJq83vASNFZ4mrze8BI0VniavN7wEjRWeJq83v";
    static final long ANNS_STEP = 58_123_456L;
    static final long BOBS_STEP = 58_000_001L;
    static final LocalDateTime ANN_ENABLED = LocalDateTime.of(2025, 5, 1, 9, 0, 0);
    static final LocalDateTime BOB_ENABLED = LocalDateTime.of(2025, 6, 2, 10, 30, 0);
    static final LocalDateTime ANNS_LOCK = LocalDateTime.of(2031, 1, 1, 10, 15, 0);
    static final String ANNS_SALT = "c2FsdC1vZi1hbm4tMTIzNDU2Nzg5MDEyMzQ1Ng==";
    static final String BOBS_SALT = "c2FsdC1vZi1ib2ItMTIzNDU2Nzg5MDEyMzQ1Ng==";

    static boolean postgresAvailable() {
        try (Connection ignored = DriverManager.getConnection(POSTGRES + "?connectTimeout=3", POSTGRES_USER, "")) {
            return true;
        } catch (SQLException e) {
            System.out.println("PostgreSQL migration test skipped: " + e.getMessage());
            return false;
        }
    }

    @Test
    void upgradesAnH2DatabaseWithDataFromVersion3() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:migration-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        h2.setPassword("sa");
        try {
            upgradeWithData(h2);
        } finally {
            try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            }
        }
    }

    @Test
    @EnabledIf(value = "postgresAvailable", disabledReason = "PostgreSQL is not reachable on 127.0.0.1:5432 (database test): skipped")
    void upgradesAPostgresDatabaseWithDataFromVersion3() throws SQLException {
        String schema = "mfa_migration_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(POSTGRES, POSTGRES_USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        try {
            PGSimpleDataSource postgres = new PGSimpleDataSource();
            postgres.setURL(POSTGRES + "?currentSchema=" + schema);
            postgres.setUser(POSTGRES_USER);
            upgradeWithData(postgres);
        } finally {
            try (Connection connection = DriverManager.getConnection(POSTGRES, POSTGRES_USER, "");
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private static void upgradeWithData(DataSource dataSource) throws SQLException {
        Flyway.configure(SchemaMigration.class.getClassLoader()).dataSource(dataSource)
                .locations(SchemaMigration.LOCATION).failOnMissingLocations(true).target("3").load().migrate();
        SchemaMigration migration = new SchemaMigration(dataSource);
        assertFalse(migration.isUpToDate(), "the database stands at version 3, with later scripts pending");

        try (Connection db = dataSource.getConnection()) {
            insertVersion3Data(db);
            List<List<Object>> recoveryCodesBefore = select(db, "SELECT * FROM recovery_code ORDER BY id");
            assertEquals(13, recoveryCodesBefore.size());

            assertTrue(migration.migrate() >= 1);
            assertTrue(migration.isUpToDate());

            assertEquals(List.of(List.of("TOTP", true, ANNS_SECRET, ANNS_STEP, ANN_ENABLED)),
                    select(db, "SELECT method, active, secret, last_accepted_step, created_at FROM second_factor_credential "
                            + "WHERE user_id = ?", ANN), "Ann's secret, last step and start, as one active credential");
            assertEquals(List.of(List.of("TOTP", true, BOBS_SECRET, BOBS_STEP, BOB_ENABLED)),
                    select(db, "SELECT method, active, secret, last_accepted_step, created_at FROM second_factor_credential "
                            + "WHERE user_id = ?", BOB));
            assertEquals(List.of(), select(db, "SELECT id FROM second_factor_credential WHERE user_id = ?", CY),
                    "nobody gains a second factor");
            List<Object> nothing = new ArrayList<>();
            nothing.add(null);
            assertEquals(List.of(nothing), select(db, "SELECT destination FROM second_factor_credential WHERE user_id = ?", ANN),
                    "an app has no destination");

            assertEquals(List.of(List.of(ANNS_SALT)), select(db, "SELECT recovery_salt FROM user_account WHERE id = ?", ANN),
                    "the salt moves to the account, or every recovery code would stop working");
            assertEquals(List.of(List.of(BOBS_SALT)), select(db, "SELECT recovery_salt FROM user_account WHERE id = ?", BOB));
            assertEquals(List.of(nothing), select(db, "SELECT recovery_salt FROM user_account WHERE id = ?", CY));

            assertEquals(recoveryCodesBefore, select(db, "SELECT * FROM recovery_code ORDER BY id"), "recovery codes untouched");

            assertEquals(List.of(List.of(3, ANNS_LOCK)),
                    select(db, "SELECT failures, locked_until FROM sign_in_throttle WHERE throttle_key = ?", "second-factor:" + ANN),
                    "Ann's three failures and running lock carry on");
            assertEquals(List.of(), select(db, "SELECT failures FROM sign_in_throttle WHERE throttle_key = ?", "second-factor:" + BOB),
                    "no counter for a person without failures");

            assertThrows(SQLException.class, () -> select(db, "SELECT COUNT(*) FROM second_factor"), "second_factor is gone");
            assertEquals(List.of(List.of(0L)), select(db, "SELECT COUNT(*) FROM one_time_code"));

            // The migrated rows must not stand in the way of new ones: they hold negative ids, and the sequence's first
            // block (ids 1 to 50, as EclipseLink reads a value of 50) is free.
            assertEquals(List.of(List.of(0L)), select(db, "SELECT COUNT(*) FROM second_factor_credential WHERE id > 0"));
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO second_factor_credential "
                    + "(id, user_id, method, active, created_at, destination) VALUES (1, ?, 'EMAIL', TRUE, ?, 'cy@example.org')")) {
                insert.setLong(1, CY);
                insert.setObject(2, LocalDateTime.of(2026, 1, 1, 0, 0));
                assertEquals(1, insert.executeUpdate());
            }
            List<List<Object>> ids = select(db, "SELECT id FROM second_factor_credential ORDER BY id");
            assertEquals(3, ids.size());
            assertNotEquals(ids.get(0), ids.get(2));
            assertEquals(List.of(List.of(-1L)), select(db, "SELECT last_accepted_step FROM second_factor_credential WHERE user_id = ?", CY),
                    "the column's default");
        }
    }

    /** Rows as the application wrote them up to version 3. */
    private static void insertVersion3Data(Connection db) throws SQLException {
        for (Object[] account : new Object[][]{{ANN, "ann@example.org", "Ann"}, {BOB, "bob@example.org", "Bob"},
                {CY, "cy@example.org", "Cy"}}) {
            update(db, "INSERT INTO user_account (id, email, display_name, password_hash, enabled, created_at) "
                    + "VALUES (?, ?, ?, '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA', TRUE, ?)",
                    account[0], account[1], account[2], LocalDateTime.of(2025, 1, 1, 8, 0));
        }
        update(db, "INSERT INTO second_factor (user_id, method, enabled_at, totp_secret, last_accepted_step, failures, "
                + "locked_until, recovery_salt, version) VALUES (?, 'TOTP', ?, ?, ?, 3, ?, ?, 4)",
                ANN, ANN_ENABLED, ANNS_SECRET, ANNS_STEP, ANNS_LOCK, ANNS_SALT);
        update(db, "INSERT INTO second_factor (user_id, method, enabled_at, totp_secret, last_accepted_step, failures, "
                + "locked_until, recovery_salt) VALUES (?, 'TOTP', ?, ?, ?, 0, NULL, ?)",
                BOB, BOB_ENABLED, BOBS_SECRET, BOBS_STEP, BOBS_SALT);
        for (int position = 1; position <= 10; position++) {
            update(db, "INSERT INTO recovery_code (id, user_id, position, code_hash, code_ciphertext, used_at) VALUES (?, ?, ?, ?, NULL, ?)",
                    (long) position, ANN, position, String.format("%064x", position),
                    position == 4 ? LocalDateTime.of(2025, 7, 1, 12, 0) : null);
        }
        for (int position = 1; position <= 3; position++) {
            update(db, "INSERT INTO recovery_code (id, user_id, position, code_hash, code_ciphertext, used_at) VALUES (?, ?, ?, ?, ?, NULL)",
                    100L + position, BOB, position, String.format("%064x", 100 + position), "v1:cipher-" + position);
        }
    }

    private static void update(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            bind(statement, parameters);
            statement.executeUpdate();
        }
    }

    /** Every row as a list of column values, with numbers as long/int and timestamps as LocalDateTime. */
    private static List<List<Object>> select(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                ResultSetMetaData meta = rows.getMetaData();
                List<List<Object>> result = new ArrayList<>();
                while (rows.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int column = 1; column <= meta.getColumnCount(); column++) {
                        Object value = switch (meta.getColumnType(column)) {
                            case java.sql.Types.TIMESTAMP -> rows.getObject(column, LocalDateTime.class);
                            case java.sql.Types.BIGINT -> rows.getObject(column, Long.class);
                            case java.sql.Types.INTEGER -> rows.getObject(column, Integer.class);
                            default -> rows.getObject(column);
                        };
                        row.add(value);
                    }
                    result.add(row);
                }
                return result;
            }
        }
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }
}
