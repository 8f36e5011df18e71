package course.kit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Runs a check in a fresh copy of its classes, as if in a fresh JVM.
 *
 * <p>Why: the JIT learns from what a call site has seen. A check that has been run on five
 * different answers sees five classes at its call sites, stops inlining them, and stops
 * compiling them the way a learner's single answer is compiled; a visibility bug it would
 * catch in a fresh JVM then slips through. Loading the check and the answer anew, in their
 * own class loader, gives them fresh call sites and fresh profiles. Only the classes whose
 * names start with the given prefix are copied; everything else (the JDK, the kit, the
 * lesson's interfaces) is shared.
 */
public final class Isolated extends ClassLoader {

    private final String prefix;

    private Isolated(String prefix, ClassLoader parent) {
        super("isolated:" + prefix, parent);
        this.prefix = prefix;
    }

    /**
     * Calls {@code checkClass.method(Class answer)} in fresh copies of both classes.
     * Any assertion the check throws comes out unchanged.
     */
    public static void run(String prefix, Class<?> checkClass, String method, Class<?> answer) {
        Isolated loader = new Isolated(prefix, checkClass.getClassLoader());
        try {
            Class<?> check = loader.loadClass(checkClass.getName());
            Class<?> freshAnswer = loader.loadClass(answer.getName());
            Method m = check.getDeclaredMethod(method, Class.class);
            m.setAccessible(true);
            m.invoke(null, freshAnswer);
        } catch (InvocationTargetException e) {
            sneakyThrow(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot run " + checkClass.getName() + "." + method, e);
        }
    }

    /**
     * The class itself, or for a fresh copy the class it was copied from: a tool that finds
     * classes by name (the model checker does) can only use the original.
     */
    public static Class<?> original(Class<?> type) {
        if (!(type.getClassLoader() instanceof Isolated copies)) {
            return type;
        }
        try {
            return Class.forName(type.getName(), true, copies.getParent());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("no original of " + type.getName(), e);
        }
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith(prefix)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                loaded = defineCopy(name);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    private Class<?> defineCopy(String name) throws ClassNotFoundException {
        String resource = name.replace('.', '/') + ".class";
        try (InputStream in = getParent().getResourceAsStream(resource)) {
            if (in == null) {
                throw new ClassNotFoundException(name);
            }
            byte[] bytes = in.readAllBytes();
            return defineClass(name, bytes, 0, bytes.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> void sneakyThrow(Throwable e) throws E {
        throw (E) e;
    }
}
