package dev.workspace.mfa.admin.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** The admin service checks on the embedded H2 database, as {@code ./run.sh} uses it. */
@ExtendWith(ArquillianExtension.class)
class H2AdminServicesIT extends AdminServicesChecks {

    @Deployment
    static WebArchive deployment() {
        return AdminDeployment.create("h2-admin", "jdbc:h2:mem:admin;DB_CLOSE_DELAY=-1", "sa");
    }
}
