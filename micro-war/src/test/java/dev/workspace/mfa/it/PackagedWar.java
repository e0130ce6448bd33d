package dev.workspace.mfa.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.nio.file.Path;

/** The {@code mfa.war} that {@code ./run.sh} runs, with its own in-memory database and bootstrap administrator. */
final class PackagedWar {

    private PackagedWar() {
    }

    /** Properties files are Latin-1 unless escaped; passwords may hold any character. */
    private static String asciiEscaped(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(c < 128 ? String.valueOf((char) c) : String.format("\\u%04x", c)));
        return out.toString();
    }

    static WebArchive withAdministrator(String name, String adminEmail, String adminPassword) {
        String config = String.join("\n",
                "config_ordinal=500",
                "mfa.db.url=jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1",
                "mfa.data.dir=" + Path.of("target", "it-data", name).toAbsolutePath(),
                "mfa.admin.email=" + adminEmail,
                "mfa.admin.password=" + asciiEscaped(adminPassword));
        return ShrinkWrap.create(ZipImporter.class, "mfa.war").importFrom(new File("target/mfa.war")).as(WebArchive.class)
                .addAsResource(new StringAsset(config), "META-INF/microprofile-config.properties");
    }
}
