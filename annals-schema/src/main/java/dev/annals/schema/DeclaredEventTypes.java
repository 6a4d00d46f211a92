package dev.annals.schema;

import dev.annals.decider.EntityType;
import dev.annals.decider.EntityTypes;
import dev.annals.schema.internal.CompiledClasses;
import dev.annals.serialization.EventCodec;
import dev.annals.serialization.EventTypeRegistry;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Finds the event type registries a project declares in its compiled classes, so that a build can gate
 * its own event types (the Maven plugin's {@code schema-check}, {@code annals schema check --classpath}).
 *
 * <p>Nothing is guessed from class names: a registry counts when a {@code public static} field holds it, or a
 * {@code public static} method without parameters returns it, as an {@link EventTypeRegistry}, an
 * {@link EventCodec}, an {@link EntityType} or {@link EntityTypes}. Reading one initialises its class, so
 * the declaring class's static initialiser runs, as it does when the application starts.
 *
 * <p>A selector is either the binary name of an event base type (usually a sealed interface) or a package:
 * <ul>
 *   <li>a base type: the registries whose {@link EventTypeRegistry#baseType()} it is, declared in its own
 *       package, or else in the nearest enclosing package that declares one;</li>
 *   <li>a package: every registry declared in it or in its sub-packages.</li>
 * </ul>
 * Only classes under the given roots are looked at; the class loader must see them and what they use.
 */
public final class DeclaredEventTypes {

    private static final String HOW = "declare it as a public static field (or a public static method without"
            + " parameters) of type EventTypeRegistry, EventCodec, EntityType or EntityTypes";

    private final ClassLoader loader;
    private final CompiledClasses classes;

    /** Looks in the classes under {@code roots}, loading them with {@code loader}. */
    public DeclaredEventTypes(ClassLoader loader, List<Path> roots) {
        this.loader = requireNonNull(loader, "loader");
        this.classes = new CompiledClasses(requireNonNull(roots, "roots"));
    }

    /**
     * The registries that {@code selectors} name, each once, in the order found.
     *
     * @throws UndeclaredEventTypesException naming a selector that is neither a class nor a package under the
     *                                       roots, or for which no registry is declared
     */
    public List<EventTypeRegistry<?>> registries(List<String> selectors) {
        requireNonNull(selectors, "selectors");
        if (selectors.isEmpty()) {
            throw new UndeclaredEventTypesException(
                    "no event types to check: name their sealed interfaces or packages");
        }
        Set<EventTypeRegistry<?>> found = Collections.newSetFromMap(new IdentityHashMap<>());
        var ordered = new ArrayList<EventTypeRegistry<?>>();
        for (String selector : selectors) {
            for (var registry : select(selector.strip())) {
                if (found.add(registry)) {
                    ordered.add(registry);
                }
            }
        }
        return List.copyOf(ordered);
    }

    private List<EventTypeRegistry<?>> select(String selector) {
        var baseType = load(selector);
        if (baseType != null) {
            return ofBaseType(baseType);
        }
        if (!classes.hasPackage(selector)) {
            throw new UndeclaredEventTypesException("'" + selector
                    + "' is neither a class nor a package of the compiled classes: give the binary name of"
                    + " an event interface (such as org.example.BookEvent) or a package");
        }
        var declared = declaredIn(selector, true);
        if (declared.isEmpty()) {
            throw new UndeclaredEventTypesException(
                    "no event type registry is declared in package '" + selector + "': " + HOW);
        }
        return declared;
    }

    private List<EventTypeRegistry<?>> ofBaseType(Class<?> baseType) {
        String packageName = baseType.getPackageName();
        while (true) {
            var matching = declaredIn(packageName, false).stream()
                    .filter(registry -> registry.baseType() == baseType)
                    .toList();
            if (!matching.isEmpty()) {
                return matching;
            }
            if (packageName.isEmpty()) {
                throw new UndeclaredEventTypesException("no event type registry for " + baseType.getName()
                        + " is declared in its package or an enclosing one: " + HOW);
            }
            int dot = packageName.lastIndexOf('.');
            packageName = dot < 0 ? "" : packageName.substring(0, dot);
        }
    }

    private List<EventTypeRegistry<?>> declaredIn(String packageName, boolean nested) {
        var registries = new LinkedHashSet<EventTypeRegistry<?>>();
        for (String name : classes.inPackage(packageName, nested)) {
            var type = load(name);
            if (type != null) {
                registries.addAll(declaredBy(type));
            }
        }
        return new ArrayList<>(registries);
    }

    private List<EventTypeRegistry<?>> declaredBy(Class<?> type) {
        var registries = new ArrayList<EventTypeRegistry<?>>();
        try {
            for (Field field : type.getDeclaredFields()) {
                if (isPublicStatic(field) && holdsRegistries(field.getType())) {
                    registries.addAll(registriesOf(field.get(null)));
                }
            }
            for (Method method : type.getDeclaredMethods()) {
                if (isPublicStatic(method)
                        && method.getParameterCount() == 0
                        && holdsRegistries(method.getReturnType())) {
                    registries.addAll(registriesOf(method.invoke(null)));
                }
            }
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new UndeclaredEventTypesException("the event types declared by " + type.getName()
                    + " cannot be read: " + (e.getCause() == null ? e : e.getCause()));
        }
        return registries;
    }

    private static boolean isPublicStatic(Member member) {
        int modifiers = member.getModifiers();
        return Modifier.isPublic(modifiers)
                && Modifier.isStatic(modifiers)
                && Modifier.isPublic(member.getDeclaringClass().getModifiers());
    }

    private static boolean holdsRegistries(Class<?> type) {
        return type == EventTypeRegistry.class
                || type == EventCodec.class
                || type == EntityType.class
                || type == EntityTypes.class;
    }

    private static List<EventTypeRegistry<?>> registriesOf(Object value) {
        return switch (value) {
            case EventTypeRegistry<?> registry -> List.of(registry);
            case EventCodec<?> codec -> List.of(codec.registry());
            case EntityType<?, ?, ?> entity -> List.of(entity.codec().registry());
            case EntityTypes entities ->
                entities.types().stream()
                        .<EventTypeRegistry<?>>map(entity -> entity.codec().registry())
                        .toList();
            case null, default -> List.of();
        };
    }

    /** The class named {@code name}, unloaded when absent or unloadable (a package name, a broken class). */
    private Class<?> load(String name) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
