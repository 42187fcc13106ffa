package org.corpconnect.it.deployment;

import fish.payara.arquillian.container.payara.managed.PayaraManagedContainerConfiguration;
import fish.payara.arquillian.container.payara.managed.PayaraManagedDeployableContainer;
import java.util.logging.Logger;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.ProtocolDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.shrinkwrap.api.Archive;

/**
 * Payara's managed container, deploying an archive only when it is not the one already deployed. Each test class
 * deploys its archive and undeploys it after itself; classes that deploy the same EAR one after another
 * ({@link DeploymentGroupOrder} puts them together) now share one deployment, where each cost the server 10 to 40
 * seconds. An archive stays deployed until a different one is asked for, or the server stops.
 */
public final class SharedDeploymentContainer implements DeployableContainer<PayaraManagedContainerConfiguration> {

    private static final Logger LOG = Logger.getLogger(SharedDeploymentContainer.class.getName());

    private final PayaraManagedDeployableContainer payara = new PayaraManagedDeployableContainer();
    private Deployed deployed;
    private int deployments;
    private int shared;

    private record Deployed(Archive<?> archive, ArchiveDigest digest, ProtocolMetaData metaData) {
    }

    @Override
    public Class<PayaraManagedContainerConfiguration> getConfigurationClass() {
        return payara.getConfigurationClass();
    }

    @Override
    public void setup(PayaraManagedContainerConfiguration configuration) {
        payara.setup(configuration);
    }

    @Override
    public void start() throws LifecycleException {
        payara.start();
    }

    @Override
    public void stop() throws LifecycleException {
        try {
            undeployCurrent();
            LOG.info(() -> "Deployments: " + deployments + ", and " + shared + " test classes kept the one before theirs");
        } catch (DeploymentException e) {
            LOG.warning(() -> "The last deployment could not be undeployed before the server stopped: " + e);
        } finally {
            payara.stop();
        }
    }

    @Override
    public ProtocolDescription getDefaultProtocol() {
        return payara.getDefaultProtocol();
    }

    @Override
    public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        ArchiveDigest digest = ArchiveDigest.of(archive);
        if (deployed != null && deployed.digest().equals(digest)) {
            shared++;
            LOG.info(() -> archive.getName() + " " + digest + " is deployed already: kept");
            return deployed.metaData();
        }
        undeployCurrent();
        ProtocolMetaData metaData = payara.deploy(archive);
        deployments++;
        deployed = new Deployed(archive, digest, metaData);
        LOG.info(() -> archive.getName() + " " + digest + " deployed");
        return metaData;
    }

    /** Kept for the next test class; {@link #deploy} or {@link #stop} undeploys it. */
    @Override
    public void undeploy(Archive<?> archive) {
    }

    private void undeployCurrent() throws DeploymentException {
        if (deployed != null) {
            Archive<?> archive = deployed.archive();
            deployed = null; // whatever the undeployment's outcome: the next deploy must not take it as deployed
            payara.undeploy(archive);
        }
    }
}
