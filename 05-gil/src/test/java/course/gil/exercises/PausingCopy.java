package course.gil.exercises;

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
 * Loads a copy of a class under test with a call to {@link Lockstep#pause()} after every access
 * to shared memory, so that {@link Lockstep} can make two threads alternate at those points.
 *
 * <p>A shared-memory access is a read or a write of a non-final field of the copied class, or a
 * call to anything in {@code java.util.concurrent.atomic} or to a {@code VarHandle}. The copy
 * does exactly what the original does; it only stops more often. It lives in a class loader of
 * its own, and shares the lesson's interfaces and the JDK with the test. The rewriting uses ASM
 * ({@code org.ow2.asm:asm}, pinned in the parent pom).
 */
final class PausingCopy extends ClassLoader {

    private static final String LOCKSTEP = Lockstep.class.getName().replace('.', '/');

    private final String original;

    private PausingCopy(String original, ClassLoader parent) {
        super("pausing:" + original, parent);
        this.original = original;
    }

    /** The copy of {@code type}, seen as {@code as}. */
    static <T> Class<? extends T> of(Class<? extends T> type, Class<T> as) {
        try {
            return new PausingCopy(type.getName(), type.getClassLoader()).loadClass(type.getName()).asSubclass(as);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("cannot copy " + type.getName(), e);
        }
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!copies(name)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                byte[] bytes = withPauses(bytesOf(name));
                loaded = defineClass(name, bytes, 0, bytes.length);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    /** The class under test and the classes nested in it. */
    private boolean copies(String name) {
        return name.equals(original) || name.startsWith(original + "$");
    }

    private byte[] bytesOf(String name) throws ClassNotFoundException {
        try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
            if (in == null) {
                throw new ClassNotFoundException(name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] withPauses(byte[] bytes) {
        ClassReader reader = new ClassReader(bytes);
        ClassWriter writer = new ClassWriter(reader, 0); // an added static call needs no new frames or stack
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visitNestHost(String nestHost) {
                // the host (the answers' catalogue, say) is not copied: the copy is a nest of its own
                if (copies(nestHost.replace('/', '.'))) {
                    super.visitNestHost(nestHost);
                }
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
                return name.equals("<init>") || name.equals("<clinit>") ? next : new PauseAfterSharedAccess(next);
            }
        }, 0);
        return writer.toByteArray();
    }

    private final class PauseAfterSharedAccess extends MethodVisitor {

        PauseAfterSharedAccess(MethodVisitor next) {
            super(Opcodes.ASM9, next);
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            super.visitFieldInsn(opcode, owner, name, descriptor);
            if (copies(owner.replace('/', '.')) && !isFinal(owner.replace('/', '.'), name)) {
                pause();
            }
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            if (owner.startsWith("java/util/concurrent/atomic/") || owner.equals("java/lang/invoke/VarHandle")) {
                pause();
            }
        }

        private void pause() {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, LOCKSTEP, "pause", "()V", false);
        }
    }

    /** Final fields are written once, before any other thread can see the object: not shared state. */
    private boolean isFinal(String owner, String field) {
        try {
            Field declared = Class.forName(owner, false, getParent()).getDeclaredField(field);
            return Modifier.isFinal(declared.getModifiers());
        } catch (ClassNotFoundException | NoSuchFieldException e) {
            return false;
        }
    }
}
