package dev.workspace.mfa.core.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** The account checks on the embedded H2 database, as {@code ./run.sh} uses it (regular mode, no LEGACY). */
@ExtendWith(ArquillianExtension.class)
class H2AccountPersistenceIT extends AccountPersistenceChecks implements TwoFactorChecks, MethodChecks {

    @Deployment
    static WebArchive deployment() {
        return CoreDeployment.create("h2-accounts", "jdbc:h2:mem:accounts;DB_CLOSE_DELAY=-1", "sa", "sa");
    }
}
