package org.corpconnect.signin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** At the first start, when nobody can sign in yet, creates the operator named in the configuration. */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class FirstOperator {

    private static final Logger LOG = Logger.getLogger(FirstOperator.class.getName());

    @Inject
    @ConfigProperty(name = "admin.first-operator.username", defaultValue = "operator")
    String username;

    @Inject
    @ConfigProperty(name = "admin.first-operator.password")
    Optional<String> password;

    @Inject
    private AdminUsers adminUsers;

    @PostConstruct
    void createIfNobodyCanSignIn() {
        if (adminUsers.anyone()) {
            return;
        }
        if (password.filter(p -> !p.isBlank()).isEmpty()) {
            LOG.warning("Nobody can sign in to the admin pages yet: set ADMIN_FIRST_OPERATOR_PASSWORD (and optionally"
                    + " ADMIN_FIRST_OPERATOR_USERNAME) and restart to create the first operator.");
            return;
        }
        adminUsers.createOperator(username, password.get().toCharArray());
        LOG.info(() -> "First operator '" + username + "' created from the configuration.");
    }
}
