package dev.workspace.mfa.core.setup;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReadinessBean implements ReadinessService {

    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    @Resource(lookup = ApplicationStartup.DATASOURCE)
    private DataSource dataSource;

    @Inject
    private ApplicationStartup startup;

    @Override
    public boolean isReady() {
        if (!startup.isStarted()) {
            return false;
        }
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(VALIDATION_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }
}
