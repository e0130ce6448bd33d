package dev.workspace.mfa.core.setup;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Map;
import java.util.logging.Logger;

/**
 * A datasource whose database is chosen by its URL alone, so that {@code MFA_DB_URL=jdbc:postgresql:…} switches
 * from the embedded H2 to PostgreSQL without another setting. The container pools the connections it opens.
 */
public class ConfiguredDataSource implements DataSource {

    /** The drivers the product supports, by URL prefix: H2 comes with Payara, PostgreSQL with the application. */
    private static final Map<String, String> DRIVERS = Map.of(
            "jdbc:h2:", "org.h2.Driver",
            "jdbc:postgresql:", "org.postgresql.Driver");

    private String url;
    private String user;
    private String password;
    private int loginTimeout;
    private PrintWriter logWriter;

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return getConnection(user, password);
    }

    @Override
    public Connection getConnection(String username, String secret) throws SQLException {
        loadDriverFor(url);
        return DriverManager.getConnection(url, username, secret);
    }

    /** Registers the driver through this class's loader, which sees the application's libraries. */
    private static void loadDriverFor(String url) throws SQLException {
        String driver = DRIVERS.entrySet().stream()
                .filter(e -> url != null && url.startsWith(e.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElseThrow(() -> new SQLException("Unsupported database URL; use jdbc:h2: or jdbc:postgresql:"));
        try {
            Class.forName(driver, true, ConfiguredDataSource.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new SQLException("JDBC driver " + driver + " is not available", e);
        }
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("Not a wrapper for " + iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
