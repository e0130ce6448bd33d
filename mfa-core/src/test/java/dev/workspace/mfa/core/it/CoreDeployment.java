package dev.workspace.mfa.core.it;

import dev.workspace.mfa.core.account.AccountService;
import org.jboss.shrinkwrap.api.Filters;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;

import java.nio.file.Path;

/**
 * The test archive for mfa-core's in-container tests: the core's classes, the persistence module as built
 * (entities, persistence.xml, Flyway scripts) and the core's third-party libraries, pointed at the given database.
 */
final class CoreDeployment {

    static final String ADMIN_EMAIL = "admin@it.test";
    static final String ADMIN_PASSWORD = "integration admin password";

    private CoreDeployment() {
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
                "mfa.admin.password=" + ADMIN_PASSWORD);
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addPackages(true, Filters.exclude(".*Test\\.class"),
                        AccountService.class.getPackage().getName().replace(".account", ""))
                .deletePackages(true, CoreDeployment.class.getPackage().getName())
                .addClasses(AccountPersistenceChecks.class, TwoFactorChecks.class, MovableClock.class, MovableClockProducer.class,
                        RecoveryCodeConsumeProbe.class)
                .addAsLibrary(persistence)
                .addAsLibraries(Maven.resolver().loadPomFromFile("pom.xml")
                        .resolve("org.flywaydb:flyway-core", "org.flywaydb:flyway-database-postgresql",
                                "org.bouncycastle:bcprov-jdk18on", "org.postgresql:postgresql")
                        .withTransitivity().asFile())
                .addAsResource(new StringAsset(config), "META-INF/microprofile-config.properties");
    }
}
