package dev.workspace.mfa.ear;

import dev.workspace.mfa.it.WebClient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.net.URI;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The EAR as built by the ear module, on full Payara Server 6 (domain1, port 8080): it migrates its database,
 * creates the bootstrap administrator from the environment and signs them in, like the Micro WAR.
 */
@ExtendWith(ArquillianExtension.class)
class EarDeploymentIT {

    private static final URI ROOT = URI.create("http://localhost:8080/");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ShrinkWrap.create(ZipImporter.class, "mfa.ear")
                .importFrom(new File(System.getProperty("ear.file"))).as(EnterpriseArchive.class);
    }

    @Test
    void theEarServesTheWorkspaceAndSignsTheAdministratorIn() throws Exception {
        WebClient client = new WebClient(ROOT);
        assertEquals(200, client.get("/health/ready").statusCode());

        HttpResponse<String> login = client.get("/login");
        assertEquals(200, login.statusCode());
        assertTrue(login.body().contains("primefaces"), "PrimeFaces renders on Payara Server");

        assertEquals(401, client.signIn("admin@ear.test", "not the right password").statusCode());
        HttpResponse<String> signedIn = client.signIn("admin@ear.test", "ear integration password");
        assertEquals(302, signedIn.statusCode(), signedIn.body());

        HttpResponse<String> console = client.get("/admin");
        assertEquals(200, console.statusCode(), "EJBs of both modules and the role check work in the EAR");
        assertTrue(console.body().contains("admin@ear.test"));
    }
}
