package org.corpconnect.it.deployment;

import fish.payara.arquillian.container.payara.managed.PayaraManagedDeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.core.spi.LoadableExtension;

/** Puts {@link SharedDeploymentContainer} in the place of Payara's own managed container. */
public final class SharedDeploymentExtension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.override(DeployableContainer.class, PayaraManagedDeployableContainer.class, SharedDeploymentContainer.class);
    }
}
