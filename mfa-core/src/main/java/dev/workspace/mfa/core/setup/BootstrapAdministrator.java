package dev.workspace.mfa.core.setup;

import dev.workspace.mfa.core.account.AccountRejectedException;
import dev.workspace.mfa.core.account.AccountService;
import dev.workspace.mfa.core.account.AccountSummary;
import dev.workspace.mfa.core.cluster.ClusterTasks;
import dev.workspace.mfa.core.config.MfaSettings;
import dev.workspace.mfa.core.password.TemporaryPasswords;
import dev.workspace.mfa.persistence.account.Role;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * docs/security.md#first-administrator: when no administrator exists, create one from {@code MFA_ADMIN_EMAIL} / {@code MFA_ADMIN_PASSWORD};
 * without a password, generate a temporary one (to be replaced at the first sign-in) and leave it in
 * {@code initial-admin-password} (mode 0600), never in a log; {@code ./run.sh} shows it once on the console.
 * There is no default password anywhere. Several nodes starting on one database create one administrator.
 */
@Stateless
public class BootstrapAdministrator {

    static final String PASSWORD_FILE = "initial-admin-password";
    /** No look-alikes (0/O, 1/l/I): the password is read off a log or a file and typed by a person. */

    private static final Logger LOG = Logger.getLogger(BootstrapAdministrator.class.getName());

    @Inject
    private AccountService accounts;

    @Inject
    private MfaSettings settings;

    @Inject
    private ClusterTasks tasks;

    public void ensureAdministratorExists() {
        // Nodes of a cluster starting together on an empty database: the first creates the administrator, the others
        // wait here for its transaction and then find one.
        tasks.holdUntilCommit("bootstrap-administrator");
        if (accounts.anyAccountWithRole(Role.ADMIN)) {
            return;
        }
        String email = settings.bootstrapAdminEmail();
        Optional<String> given = settings.bootstrapAdminPassword();
        String password = given.orElseGet(TemporaryPasswords::generate);
        AccountSummary administrator;
        try {
            administrator = accounts.createAccount(email, "Administrator", password, EnumSet.of(Role.ADMIN, Role.OWNER), null);
        } catch (AccountRejectedException e) {
            throw new IllegalStateException("Cannot create the bootstrap administrator " + email + ": " + e.reason()
                    + " (MFA_ADMIN_EMAIL must be an email address, MFA_ADMIN_PASSWORD 12 to 256 characters)", e);
        }
        if (given.isPresent()) {
            LOG.info(() -> "Created the bootstrap administrator " + email + " with the password from MFA_ADMIN_PASSWORD");
            return;
        }
        accounts.requirePasswordChange(administrator.id());
        Path file = writePasswordFile(password);
        // Never the password itself: log files are copied, shipped and kept long after this file is deleted.
        LOG.warning(() -> "Created the bootstrap administrator " + email + "; its temporary password is in " + file
                + " (it must be changed at the first sign-in; then delete that file)");
    }

    private Path writePasswordFile(String password) {
        Path dir = settings.dataDirectory();
        Path file = dir.resolve(PASSWORD_FILE);
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(file);
            boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
            if (posix) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, password + System.lineSeparator(), StandardCharsets.UTF_8);
            return file;
        } catch (FileAlreadyExistsException e) {
            throw new IllegalStateException("Could not replace " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

}
