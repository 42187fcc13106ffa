package org.corpconnect.it.deployment;

import java.lang.reflect.Method;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * Runs the test classes whose {@code @Deployment} builds the same archive one after another, so that
 * {@link SharedDeploymentContainer} deploys it once for all of them. The groups come in the order of their first
 * class's name, the classes of a group by name.
 */
public final class DeploymentGroupOrder implements ClassOrderer {

    private static final Logger LOG = Logger.getLogger(DeploymentGroupOrder.class.getName());

    @Override
    public void orderClasses(ClassOrdererContext context) {
        Map<Method, String> built = new HashMap<>(); // a subclass's inherited deployment is built once
        Map<Class<?>, String> groups = new HashMap<>();
        context.getClassDescriptors().forEach(test -> groups.put(test.getTestClass(), DeploymentMethod.of(test.getTestClass())
                .map(method -> built.computeIfAbsent(method, DeploymentGroupOrder::group))
                .orElse(test.getTestClass().getName())));
        Map<String, String> firstOfGroup = new HashMap<>();
        groups.forEach((test, group) -> firstOfGroup.merge(group, test.getName(), (a, b) -> a.compareTo(b) <= 0 ? a : b));
        context.getClassDescriptors().sort(Comparator
                .comparing((ClassDescriptor test) -> firstOfGroup.get(groups.get(test.getTestClass())))
                .thenComparing(test -> test.getTestClass().getName()));
    }

    /** What a deployment method deploys: testable or not, and the archive's content. */
    private static String group(Method method) {
        try {
            method.setAccessible(true);
            Archive<?> archive = (Archive<?>) method.invoke(null);
            return method.getAnnotation(Deployment.class).testable() + " " + ArchiveDigest.of(archive).hex();
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Arquillian reports it when the class runs; here its classes only lose their place in a group.
            LOG.warning(() -> "The deployment of " + method.getDeclaringClass().getName() + " could not be built to order it: " + e);
            return method.getDeclaringClass().getName();
        }
    }
}
