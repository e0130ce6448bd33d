package dev.workspace.mfa.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The {@code mfa.war} that {@code ./run.sh} runs, with its own in-memory database and bootstrap administrator. */
final class PackagedWar {

    /**
     * A workspace whose first policy lets admins and owners work with a password alone (the default asks them for 2FA
     * at once): for the stories whose bootstrap administrator stands for any person, or administers others without
     * being the subject of the policy.
     */
    static final String ADMINS_WITHOUT_TWO_FACTOR = "mfa.admins.require.two.factor=false";

    private PackagedWar() {
    }

    /** Properties files are Latin-1 unless escaped; passwords may hold any character. */
    private static String asciiEscaped(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(c < 128 ? String.valueOf((char) c) : String.format("\\u%04x", c)));
        return out.toString();
    }

    /** @param settings further {@code key=value} lines of MicroProfile Config (mail server, SMS gateway, policy) */
    static WebArchive withAdministrator(String name, String adminEmail, String adminPassword, String... settings) {
        String[] all = new String[settings.length + 2];
        all[0] = "mfa.admin.email=" + adminEmail;
        all[1] = "mfa.admin.password=" + asciiEscaped(adminPassword);
        System.arraycopy(settings, 0, all, 2, settings.length);
        return withConfig(name, all);
    }

    /** The administrator gets a generated temporary password, found in {@link #dataDirectory}'s password file. */
    static WebArchive withGeneratedAdministrator(String name, String adminEmail, String... settings) throws IOException {
        Files.deleteIfExists(dataDirectory(name).resolve("initial-admin-password"));
        String[] all = new String[settings.length + 1];
        all[0] = "mfa.admin.email=" + adminEmail;
        System.arraycopy(settings, 0, all, 1, settings.length);
        return withConfig(name, all);
    }

    private static byte[] readAll(org.jboss.shrinkwrap.api.asset.Asset asset) {
        try (var in = asset.openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Path dataDirectory(String name) {
        return Path.of("target", "it-data", name).toAbsolutePath();
    }

    private static WebArchive withConfig(String name, String... settings) {
        String config = String.join("\n",
                "config_ordinal=500",
                "mfa.db.url=jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1",
                "mfa.data.dir=" + dataDirectory(name)) + "\n" + String.join("\n", settings);
        WebArchive war = ShrinkWrap.create(ZipImporter.class, "mfa.war").importFrom(new File("target/mfa.war")).as(WebArchive.class);
        String descriptor = new String(readAll(war.get("WEB-INF/glassfish-web.xml").getAsset()), StandardCharsets.UTF_8);
        // At the root, as ./run.sh serves it: paths such as //evil.example/ then reach the application itself.
        war.delete("WEB-INF/glassfish-web.xml");
        return war.addAsWebInfResource(new StringAsset(descriptor.replace("<glassfish-web-app>",
                        "<glassfish-web-app>\n    <context-root>/</context-root>")), "glassfish-web.xml")
                .addAsResource(new StringAsset(config), "META-INF/microprofile-config.properties");
    }
}
