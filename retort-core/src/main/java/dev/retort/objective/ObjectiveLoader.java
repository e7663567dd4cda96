package dev.retort.objective;

import dev.retort.Objective;
import dev.retort.PlanException;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Finds user objectives by class name (plan key {@code objective.class}), optionally on extra jars. */
public final class ObjectiveLoader {
    private static final String KEY = "objective.class";

    private ObjectiveLoader() {
    }

    /**
     * Loads {@code className} through {@code loader} and instantiates it with its public no-argument
     * constructor. Throws {@link PlanException} at {@code where} (e.g. {@code plan.yaml:3}) when the class is
     * missing or cannot be loaded, is not a public concrete {@link Objective}, has no public no-argument
     * constructor, or its constructor throws (the message carries the cause's).
     */
    public static Objective load(String className, ClassLoader loader, String where) {
        Class<?> c;
        try {
            c = Class.forName(className, true, loader);
        } catch (ClassNotFoundException e) {
            throw PlanException.at(where, KEY, className, "is not on the classpath",
                    "a fully qualified class name; check --classpath");
        } catch (LinkageError e) { // NoClassDefFoundError of a dependency, ExceptionInInitializerError, ...
            throw new PlanException(PlanException.at(where, KEY, className, "cannot be loaded: " + describe(e),
                    "a class whose dependencies are on --classpath").getMessage(), e);
        }
        if (!Objective.class.isAssignableFrom(c))
            throw PlanException.at(where, KEY, className, "does not implement " + Objective.class.getName(),
                    "classes implementing " + Objective.class.getName());
        if (c.isInterface() || Modifier.isAbstract(c.getModifiers()))
            throw PlanException.at(where, KEY, className, "is abstract", "a concrete class");
        if (!Modifier.isPublic(c.getModifiers()))
            throw PlanException.at(where, KEY, className, "is not public", "a public class");
        Constructor<?> ctor;
        try {
            ctor = c.getConstructor();
        } catch (NoSuchMethodException e) {
            throw PlanException.at(where, KEY, className, "has no public no-argument constructor",
                    "a class with a public no-argument constructor");
        }
        try {
            return (Objective) ctor.newInstance();
        } catch (InvocationTargetException e) {
            throw new PlanException(PlanException.at(where, KEY, className,
                    "constructor threw " + describe(e.getCause()), null).getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new PlanException(PlanException.at(where, KEY, className,
                    "cannot be instantiated: " + describe(e), null).getMessage(), e);
        }
    }

    /**
     * A class loader over {@code jarsOrDirs} (jar files or class directories) delegating to {@code parent}.
     * Throws {@link PlanException} at {@code where} (e.g. {@code --classpath}) for a path that does not exist.
     */
    public static ClassLoader withClasspath(List<Path> jarsOrDirs, ClassLoader parent, String where) {
        URL[] urls = new URL[jarsOrDirs.size()];
        for (int i = 0; i < urls.length; i++) {
            Path p = jarsOrDirs.get(i).toAbsolutePath().normalize();
            if (!Files.exists(p))
                throw PlanException.at(where, null, p.toString(), "does not exist", "existing jar files or class directories");
            try {
                urls[i] = p.toUri().toURL(); // an existing directory's URI ends in '/', as URLClassLoader needs
            } catch (MalformedURLException e) {
                throw PlanException.at(where, null, p.toString(), "is not usable as a URL: " + e.getMessage(), null);
            }
        }
        return new URLClassLoader("retort-objectives", urls, parent);
    }

    private static String describe(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
