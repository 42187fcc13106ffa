package org.corpconnect.it.deployment;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
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
        Map<Class<?>, String> groups = new HashMap<>();
        context.getClassDescriptors().forEach(test -> groups.put(test.getTestClass(), group(test.getTestClass())));
        Map<String, String> firstOfGroup = new HashMap<>();
        groups.forEach((test, group) -> firstOfGroup.merge(group, test.getName(), (a, b) -> a.compareTo(b) <= 0 ? a : b));
        context.getClassDescriptors().sort(Comparator
                .comparing((ClassDescriptor test) -> firstOfGroup.get(groups.get(test.getTestClass())))
                .thenComparing(test -> test.getTestClass().getName()));
    }

    /** What the class deploys (testable or not, and the archive's content); its own name if it deploys nothing. */
    private static String group(Class<?> test) {
        return deploymentMethod(test).flatMap(method -> {
            try {
                method.setAccessible(true);
                Archive<?> archive = (Archive<?>) method.invoke(null);
                return Optional.of(method.getAnnotation(Deployment.class).testable() + " " + ArchiveDigest.of(archive).hex());
            } catch (ReflectiveOperationException | RuntimeException e) {
                // Arquillian reports it when the class runs; here the class only loses its place in a group.
                LOG.warning(() -> "The deployment of " + test.getName() + " could not be built to order it: " + e);
                return Optional.empty();
            }
        }).orElse(test.getName());
    }

    /** The nearest static {@code @Deployment} method in {@code test}'s hierarchy, as Arquillian finds it. */
    private static Optional<Method> deploymentMethod(Class<?> test) {
        for (Class<?> type = test; type != null; type = type.getSuperclass()) {
            for (Method method : type.getDeclaredMethods()) {
                if (method.isAnnotationPresent(Deployment.class) && Modifier.isStatic(method.getModifiers())
                        && method.getParameterCount() == 0) {
                    return Optional.of(method);
                }
            }
        }
        return Optional.empty();
    }
}
