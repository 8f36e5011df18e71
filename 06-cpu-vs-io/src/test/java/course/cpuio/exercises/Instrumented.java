package course.cpuio.exercises;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
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
 * {@link Turns} and this loader. The copy is defined by a class loader of its own; it shares
 * the lesson's interfaces and the JDK with the rest of the test. The rewriting uses ASM
 * ({@code org.ow2.asm:asm}, pinned in the parent pom), like 01-refcount's check.
 */
final class Instrumented extends ClassLoader {

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
        super("instrumented:" + root, parent);
        this.packagePrefix = root.substring(0, root.lastIndexOf('.') + 1);
    }

    /** A copy of {@code type} whose shared-memory accesses call {@link Turns}. */
    static <T> Class<? extends T> copyOf(Class<? extends T> type, Class<T> as) {
        Instrumented loader = new Instrumented(type.getName(), type.getClassLoader());
        try {
            return loader.loadClass(type.getName()).asSubclass(as);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("cannot copy " + type.getName(), e);
        }
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!isCopied(name)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                byte[] bytes = instrument(originalBytes(name));
                loaded = defineClass(name, bytes, 0, bytes.length);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    private boolean isCopied(String name) {
        return name.startsWith(packagePrefix) && name.indexOf('.', packagePrefix.length()) < 0
                && !NOT_COPIED.contains(name);
    }

    private byte[] originalBytes(String name) throws ClassNotFoundException {
        try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
            if (in == null) {
                throw new ClassNotFoundException(name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] instrument(byte[] original) {
        ClassReader reader = new ClassReader(original);
        // A call to step() needs no stack and makes no branch; an invokedynamic in place of an
        // invoke takes and leaves the same stack: no new frames, no new maxima.
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                return new StepAfterSharedAccess(super.visitMethod(access, name, descriptor, signature, exceptions));
            }
        }, 0);
        return writer.toByteArray();
    }

    /** Adds {@code Turns.step()} after each instruction that touches shared memory. */
    private final class StepAfterSharedAccess extends MethodVisitor {

        StepAfterSharedAccess(MethodVisitor next) {
            super(Opcodes.ASM9, next);
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            super.visitFieldInsn(opcode, owner, name, descriptor);
            String ownerName = owner.replace('/', '.');
            if (isCopied(ownerName) && !isFinal(ownerName, name)) {
                step();
            }
        }

        @Override
        public void visitInsn(int opcode) {
            super.visitInsn(opcode);
            if (opcode >= Opcodes.IALOAD && opcode <= Opcodes.SALOAD
                    || opcode >= Opcodes.IASTORE && opcode <= Opcodes.SASTORE) {
                step();
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
            if (owner.startsWith("java/util/concurrent/atomic/") || owner.equals("java/lang/invoke/VarHandle")) {
                step();
            }
        }

        private void step() {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, TURNS, "step", "()V", false);
        }
    }

    /** A type of {@code java.util} itself (not of its subpackages): the collections and their interfaces. */
    private static boolean isCollection(String owner) {
        return owner.startsWith("java/util/") && owner.indexOf('/', "java/util/".length()) < 0;
    }

    /** Is the field final in the original class? Final fields are written once, before any thread shares them. */
    private boolean isFinal(String owner, String field) {
        try {
            Field declared = Class.forName(owner, false, getParent()).getDeclaredField(field);
            return Modifier.isFinal(declared.getModifiers());
        } catch (ClassNotFoundException | NoSuchFieldException e) {
            return false; // not sure: treat it as shared
        }
    }
}
