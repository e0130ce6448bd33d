package dev.workspace.mfa.core.it;

import dev.workspace.mfa.core.account.AccountService;
import dev.workspace.mfa.core.notification.MessageTexts;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.Filter;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The test archive for mfa-core's in-container tests: the core's classes, the persistence module as built
 * (entities, persistence.xml, Flyway scripts) and the core's third-party libraries, pointed at the given database.
 * Messages go to {@link RecordingDelivery} instead of a mail server or SMS gateway.
 */
final class CoreDeployment {

    static final String ADMIN_EMAIL = "admin@it.test";
    static final String ADMIN_PASSWORD = "integration admin password";
    /** The workspace name in emails: not the default, so a test can tell it is used. */
    static final String ISSUER = "Core IT";

    private CoreDeployment() {
    }

    /**
     * The core's own classes: a class also found under target/test-classes (a unit test, its inner classes, a test
     * server such as the scripted SMTP one) stays out, since it needs libraries the deployment does not carry.
     */
    private static Filter<ArchivePath> mainClassesOnly() {
        Path testClasses = Path.of("target", "test-classes");
        return path -> !Files.exists(testClasses.resolve(path.get().substring(1)));
    }

    static WebArchive create(String name, String dbUrl, String dbUser, String dbPassword) {
        JavaArchive persistence = ShrinkWrap.create(ExplodedImporter.class, "persistence.jar")
                .importDirectory("../persistence/target/classes").as(JavaArchive.class);
        String config = String.join("\n",
                "config_ordinal=500",
                "mfa.db.url=" + dbUrl,
                "mfa.db.user=" + dbUser,
                "mfa.db.password=" + dbPassword,
                "mfa.data.dir=" + Path.of("target", "it-data", name).toAbsolutePath(),
                "mfa.admin.email=" + ADMIN_EMAIL,
                "mfa.admin.password=" + ADMIN_PASSWORD,
                "mfa.issuer=" + ISSUER);
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addPackages(true, mainClassesOnly(),
                        AccountService.class.getPackage().getName().replace(".account", ""))
                .deletePackages(true, CoreDeployment.class.getPackage().getName())
                .addClasses(AccountPersistenceChecks.class, TwoFactorFixture.class, TwoFactorChecks.class, MethodChecks.class,
                        MovableClock.class, MovableClockProducer.class, RecoveryCodeConsumeProbe.class, RecordingDelivery.class)
                .addAsResource(MessageTexts.class.getPackage().getName().replace('.', '/') + "/messages.properties")
                .addAsLibrary(persistence)
                .addAsLibraries(Maven.resolver().loadPomFromFile("pom.xml")
                        .resolve("org.flywaydb:flyway-core", "org.flywaydb:flyway-database-postgresql",
                                "org.bouncycastle:bcprov-jdk18on", "org.postgresql:postgresql",
                                "com.googlecode.libphonenumber:libphonenumber", "com.unboundid:unboundid-ldapsdk")
                        .withTransitivity().asFile())
                .addAsResource(new StringAsset(config), "META-INF/microprofile-config.properties");
    }
}
