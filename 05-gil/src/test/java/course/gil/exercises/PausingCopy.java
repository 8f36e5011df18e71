package course.gil.exercises;

import course.kit.InstrumentedCopies;
import org.objectweb.asm.MethodVisitor;

/**
 * Loads a copy of a class under test with a call to {@link Lockstep#pause()} after every access
 * to shared memory, so that {@link Lockstep} can make two threads alternate at those points.
 *
 * <p>A shared-memory access is a read or a write of a non-final field of the copied class, or a
 * call to anything in {@code java.util.concurrent.atomic} or to a {@code VarHandle}: see
 * {@link InstrumentedCopies}, which does the copying and rewriting. Constructors and static
 * initialisers are left as they are: they run before any other thread can see the object.
 */
final class PausingCopy extends InstrumentedCopies {

    private final String original;

    private PausingCopy(String original, ClassLoader parent) {
        super("pausing:" + original, parent, Lockstep.class, "pause");
        this.original = original;
    }

    /** The copy of {@code type}, seen as {@code as}. */
    static <T> Class<? extends T> of(Class<? extends T> type, Class<T> as) {
        return new PausingCopy(type.getName(), type.getClassLoader()).load(type, as);
    }

    /** The class under test and the classes nested in it. */
    @Override
    protected boolean isCopied(String name) {
        return name.equals(original) || name.startsWith(original + "$");
    }

    @Override
    protected MethodVisitor rewrite(String methodName, MethodVisitor next) {
        return methodName.equals("<init>") || methodName.equals("<clinit>") ? next : super.rewrite(methodName, next);
    }
}
