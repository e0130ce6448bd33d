package dev.workspace.mfa.admin.it;

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
 * The test archive for mfa-admin's in-container tests: the admin services, mfa-core and the persistence module as
 * built, their libraries, and three test callers ({@link AsOwner}, {@link AsAdmin}, {@link AsUser}) with the principals
 * and roles that {@code it/glassfish-web.xml} and {@code it/glassfish-ejb-jar.xml} give them.
 */
final class AdminDeployment {

    /** The bootstrap administrator, an owner. */
    static final String OWNER_EMAIL = "owner@it.test";
    static final String ADMIN_EMAIL = "admin@it.test";
    static final String USER_EMAIL = "user@it.test";
    static final String PASSWORD = "integration test password";

    private AdminDeployment() {
    }

    private static Filter<ArchivePath> mainClassesOnly() {
        Path testClasses = Path.of("target", "test-classes");
        return path -> !Files.exists(testClasses.resolve(path.get().substring(1)));
    }

    private static JavaArchive built(String module) {
        return ShrinkWrap.create(ExplodedImporter.class, module + ".jar")
                .importDirectory("../" + module + "/target/classes").as(JavaArchive.class);
    }

    static WebArchive create(String name, String dbUrl, String dbUser) {
        String config = String.join("\n",
                "config_ordinal=500",
                "mfa.db.url=" + dbUrl,
                "mfa.db.user=" + dbUser,
                "mfa.db.password=unused",
                "mfa.data.dir=" + Path.of("target", "it-data", name).toAbsolutePath(),
                "mfa.admin.email=" + OWNER_EMAIL,
                "mfa.admin.password=" + PASSWORD);
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addPackages(true, mainClassesOnly(), "dev.workspace.mfa.admin")
                .addClasses(Caller.class, Caller.Work.class, AsOwner.class, AsAdmin.class, AsUser.class,
                        AdminServicesChecks.class)
                .addAsLibrary(built("persistence"))
                .addAsLibrary(built("mfa-core"))
                .addAsLibraries(Maven.resolver().loadPomFromFile("pom.xml")
                        .resolve("org.flywaydb:flyway-core", "org.flywaydb:flyway-database-postgresql",
                                "org.bouncycastle:bcprov-jdk18on", "org.postgresql:postgresql",
                                "com.googlecode.libphonenumber:libphonenumber", "com.unboundid:unboundid-ldapsdk")
                        .withTransitivity().asFile())
                .addAsWebInfResource("it/glassfish-web.xml", "glassfish-web.xml")
                .addAsWebInfResource("it/glassfish-ejb-jar.xml", "glassfish-ejb-jar.xml")
                .addAsResource(new StringAsset(config), "META-INF/microprofile-config.properties");
    }
}
