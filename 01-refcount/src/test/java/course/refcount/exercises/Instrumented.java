package course.refcount.exercises;

import course.kit.InstrumentedCopies;

/**
 * Loads a copy of a class under test in which every access to shared memory is followed by a
 * call to {@link Turns#step()}, so that two threads can be made to take turns at every such
 * access: the interleaving that breaks a non-atomic count, forced on every run instead of hoped for.
 *
 * <p>An access to shared memory is a read or write of a non-final field of the class (or of a
 * class nested in it), or a call to an atomic class ({@code java.util.concurrent.atomic}) or a
 * {@code VarHandle}: see {@link InstrumentedCopies}, which does the copying and rewriting.
 */
final class Instrumented extends InstrumentedCopies {

    private final String root;

    private Instrumented(String root, ClassLoader parent) {
        super("instrumented:" + root, parent, Turns.class, "step");
        this.root = root;
    }

    /** A copy of {@code type} whose shared-memory accesses call {@link Turns#step()}. */
    static <T> Class<? extends T> copyOf(Class<? extends T> type, Class<T> as) {
        return new Instrumented(type.getName(), type.getClassLoader()).load(type, as);
    }

    /** The class under test and the classes nested in it. */
    @Override
    protected boolean isCopied(String name) {
        return name.equals(root) || name.startsWith(root + "$");
    }
}
