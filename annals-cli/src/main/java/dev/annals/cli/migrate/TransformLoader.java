package dev.annals.cli.migrate;

import dev.annals.cli.RejectedRequestException;
import dev.annals.serialization.EventTransform;
import java.lang.reflect.InvocationTargetException;

/**
 * Finds the {@link EventTransform} that {@code --transform} names: a public class on the classpath with a
 * public no-argument constructor (put its jar beside annals.jar with {@code java -cp}).
 */
final class TransformLoader {

    private TransformLoader() {}

    /**
     * An instance of class {@code name}.
     *
     * @throws RejectedRequestException when there is no such class, it is no {@code EventTransform}, or it
     *                                  cannot be made
     */
    static EventTransform load(String name) {
        Class<?> type;
        try {
            type = Class.forName(name, true, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new RejectedRequestException("--transform: no class '" + name + "' on the classpath");
        }
        if (!EventTransform.class.isAssignableFrom(type)) {
            throw new RejectedRequestException(
                    "--transform: class " + name + " does not implement " + EventTransform.class.getName());
        }
        try {
            return (EventTransform) type.getConstructor().newInstance();
        } catch (NoSuchMethodException | IllegalAccessException | InstantiationException e) {
            throw new RejectedRequestException(
                    "--transform: class " + name + " needs a public no-argument constructor", e);
        } catch (InvocationTargetException e) {
            throw new RejectedRequestException(
                    "--transform: constructing " + name + " failed: " + e.getCause(), e.getCause());
        }
    }
}
