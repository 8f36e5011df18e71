package course.cpuio.exercises;

import course.kit.InstrumentedCopies;
import java.util.Set;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Loads a copy of an answer in which every access to shared memory is followed by a call to
 * {@link Turns#step()}, so that two of the answer's tasks can be made to take turns at every
 * such access: the interleaving that loses an update to a shared total ({@code total += r}
 * read by both before either writes it back), forced on every run instead of hoped for.
 *
 * <p>An access to shared memory is a read or write of a non-final field (instance or static)
 * of a copied class, a read or write of an array element, or a call to an atomic class
 * ({@code java.util.concurrent.atomic}) or a {@code VarHandle}. A call that changes one of
 * {@code java.util}'s collections ({@code add}, {@code put}, {@code merge}, ...) goes through
 * {@link Turns#beforeMutation} first, which holds it until the other task arrives at a change of
 * the same collection (a data race, reported) or cannot. Nothing else changes: the copy behaves
 * as the original does on one thread.
 *
 * <p>Every class of the answer's package is copied (so the answer's own helpers, nested or
 * not, keep their package-private access to each other), except the check's own machinery:
 * {@link Turns} and this loader. The copying, and the hook after field and atomic accesses, are
 * the test kit's {@link InstrumentedCopies}, as in 01-refcount's and 05-gil's checks; this class
 * adds array elements and collections.
 */
final class Instrumented extends InstrumentedCopies {

    private static final String TURNS = Turns.class.getName().replace('.', '/');
    private static final Set<String> NOT_COPIED = Set.of(Turns.class.getName(), Instrumented.class.getName());
    private static final Handle MUTATION = new Handle(Opcodes.H_INVOKESTATIC, TURNS, "mutation",
            "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;Ljava/lang/Class;)"
                    + "Ljava/lang/invoke/CallSite;", false);

    /** Methods that change a collection of {@code java.util}; {@code set} is left out (it writes one slot). */
    private static final Set<String> MUTATORS = Set.of("add", "addAll", "addFirst", "addLast", "put", "putAll",
            "putIfAbsent", "putFirst", "putLast", "merge", "compute", "computeIfAbsent", "computeIfPresent", "remove",
            "removeAll", "retainAll", "removeIf", "clear", "offer", "offerFirst", "offerLast", "push", "pop", "poll",
            "pollFirst", "pollLast", "replace", "replaceAll", "sort");

    private final String packagePrefix;

    private Instrumented(String root, ClassLoader parent) {
        super("instrumented:" + root, parent, Turns.class, "step");
        this.packagePrefix = root.substring(0, root.lastIndexOf('.') + 1);
    }

    /** A copy of {@code type} whose shared-memory accesses call {@link Turns}. */
    static <T> Class<? extends T> copyOf(Class<? extends T> type, Class<T> as) {
        return new Instrumented(type.getName(), type.getClassLoader()).load(type, as);
    }

    @Override
    protected boolean isCopied(String name) {
        return name.startsWith(packagePrefix) && name.indexOf('.', packagePrefix.length()) < 0
                && !NOT_COPIED.contains(name);
    }

    @Override
    protected MethodVisitor rewrite(String methodName, MethodVisitor next) {
        return new StepAfterSharedAccess(next);
    }

    /** Adds {@code Turns.step()} after array accesses too, and sends collection changes through {@link Turns}. */
    private final class StepAfterSharedAccess extends HookAfterSharedAccess {

        StepAfterSharedAccess(MethodVisitor next) {
            super(next);
        }

        @Override
        public void visitInsn(int opcode) {
            super.visitInsn(opcode);
            if (opcode >= Opcodes.IALOAD && opcode <= Opcodes.SALOAD
                    || opcode >= Opcodes.IASTORE && opcode <= Opcodes.SASTORE) {
                hook();
            }
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            if ((opcode == Opcodes.INVOKEINTERFACE || opcode == Opcodes.INVOKEVIRTUAL) && isCollection(owner)
                    && MUTATORS.contains(name)) {
                // The same call, through Turns.mutation: receiver and arguments stay on the stack as they were.
                String withReceiver = "(L" + owner + ";" + descriptor.substring(1);
                super.visitInvokeDynamicInsn(name, withReceiver, MUTATION, Type.getObjectType(owner));
                return;
            }
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
        }
    }

    /** A type of {@code java.util} itself (not of its subpackages): the collections and their interfaces. */
    private static boolean isCollection(String owner) {
        return owner.startsWith("java/util/") && owner.indexOf('/', "java/util/".length()) < 0;
    }
}
