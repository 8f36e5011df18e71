package course.refcount.exercises;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Loads a copy of a class under test in which every access to shared memory is followed by a
 * call to {@link Turns#step()}, so that two threads can be made to take turns at every such
 * access: the interleaving that breaks a non-atomic count, forced on every run instead of hoped for.
 *
 * <p>An access to shared memory is a read or write of a non-final field of the class (or of a
 * class nested in it), or a call to an atomic class ({@code java.util.concurrent.atomic}) or a
 * {@code VarHandle}. Nothing else changes: the copy behaves as the original does on one thread.
 * The copy is defined by a class loader of its own, so it has fresh static state; it shares the
 * lesson's interfaces and the JDK with the rest of the test.
 *
 * <p>The rewriting uses ASM ({@code org.ow2.asm:asm}, pinned in the parent pom).
 */
final class Instrumented extends ClassLoader {

    private static final String STEP_OWNER = Turns.class.getName().replace('.', '/');

    private final String root;

    private Instrumented(String root, ClassLoader parent) {
        super("instrumented:" + root, parent);
        this.root = root;
    }

    /** A copy of {@code type} whose shared-memory accesses call {@link Turns#step()}. */
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
        return name.equals(root) || name.startsWith(root + "$");
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
        ClassWriter writer = new ClassWriter(reader, 0); // a call to step() needs no stack and no new frames
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visitNestHost(String nestHost) {
                // A nest host that is not copied lives in another loader, where it cannot vouch for the
                // copy: then the copy becomes a nest of its own (its private members stay its own).
                if (isCopied(nestHost.replace('/', '.'))) {
                    super.visitNestHost(nestHost);
                }
            }

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
            if (isCopied(owner.replace('/', '.')) && !isFinal(owner.replace('/', '.'), name)) {
                step();
            }
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            if (owner.startsWith("java/util/concurrent/atomic/") || owner.equals("java/lang/invoke/VarHandle")) {
                step();
            }
        }

        private void step() {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, STEP_OWNER, "step", "()V", false);
        }
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
