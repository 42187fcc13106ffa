package org.corpconnect.it.deployment;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;

/** A test class's {@code @Deployment} method, as Arquillian finds it. */
public final class DeploymentMethod {

    private DeploymentMethod() {
    }

    /** The nearest static, parameterless {@code @Deployment} method in {@code test}'s hierarchy. */
    public static Optional<Method> of(Class<?> test) {
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

    /** Whether {@code test} runs inside the server: its deployment is testable. */
    public static boolean runsInside(Class<?> test) {
        return of(test).map(method -> method.getAnnotation(Deployment.class).testable()).orElse(false);
    }
}
