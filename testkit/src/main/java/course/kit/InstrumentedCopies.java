package course.kit;

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
 * Loads copies of the classes under test in which a static method of the check (the hook) is
 * called after every access to shared memory, so that the check can make two threads take turns
 * at those points: the interleaving that breaks an unprotected update, forced on every run
 * instead of hoped for. The probes of 02-race and 05-gil and the split check of 06-cpu-vs-io
 * build on it.
 *
 * <p>An access to shared memory is a read or write of a non-final field of a copied class, or a
 * call to an atomic class ({@code java.util.concurrent.atomic}) or a {@code VarHandle}; a lesson
 * may add more (array elements, collections) by extending {@link HookAfterSharedAccess}. Nothing
 * else changes: a copy behaves as its original does on one thread. The copies are defined by this
 * loader, so they have fresh static state; every class it does not copy (the JDK, the kit, the
 * lesson's interfaces, the hook) comes from the parent and is shared with the rest of the test.
 *
 * <p>The rewriting uses ASM ({@code org.ow2.asm:asm}, pinned in the parent pom).
 */
public abstract class InstrumentedCopies extends ClassLoader {

    private final String hookOwner;
    private final String hookMethod;

    /**
     * @param hook       the class whose static, no-argument, void method is called after each access
     * @param hookMethod that method's name
     */
    protected InstrumentedCopies(String name, ClassLoader parent, Class<?> hook, String hookMethod) {
        super(name, parent);
        this.hookOwner = hook.getName().replace('.', '/');
        this.hookMethod = hookMethod;
    }

    /**
     * A copy of {@code answer} (and of the classes nested in it) with {@code hook.step()} called
     * after each shared access: what a probe that stops or watches an answer at each of its steps
     * starts from. Each call makes a new copy, with fresh static state.
     */
    public static <T> Class<? extends T> copyOf(Class<? extends T> answer, Class<T> as, Class<?> hook) {
        String root = answer.getName();
        return new InstrumentedCopies(hook.getSimpleName() + ":" + root, answer.getClassLoader(), hook, "step") {
            @Override
            protected boolean isCopied(String name) {
                return name.equals(root) || name.startsWith(root + "$");
            }
        }.load(answer, as);
    }

    /** A new object of {@code copy}, made by its no-argument constructor, whatever that constructor's access. */
    public static <T> T newInstance(Class<? extends T> copy) {
        try {
            var constructor = copy.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create a copy of " + copy.getSimpleName(), e);
        }
    }

    /** Is the class of this (binary) name one that this loader copies? */
    protected abstract boolean isCopied(String className);

    /** The visitor that rewrites one method; by default, the hook after every shared access. */
    protected MethodVisitor rewrite(String methodName, MethodVisitor next) {
        return new HookAfterSharedAccess(next);
    }

    /** The copy of {@code type}, seen as {@code as}. */
    public final <T> Class<? extends T> load(Class<? extends T> type, Class<T> as) {
        try {
            return loadClass(type.getName()).asSubclass(as);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("cannot copy " + type.getName(), e);
        }
    }

    @Override
    protected final Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
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
        // A call to the hook needs no stack and makes no branch, and an invokedynamic put in place of
        // an invoke takes and leaves the same stack: no new frames, no new maxima.
        ClassWriter writer = new ClassWriter(reader, 0);
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
                return rewrite(name, super.visitMethod(access, name, descriptor, signature, exceptions));
            }
        }, 0);
        return writer.toByteArray();
    }

    /** Calls the hook after each instruction that touches shared memory. */
    protected class HookAfterSharedAccess extends MethodVisitor {

        protected HookAfterSharedAccess(MethodVisitor next) {
            super(Opcodes.ASM9, next);
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            super.visitFieldInsn(opcode, owner, name, descriptor);
            String ownerName = owner.replace('/', '.');
            if (isCopied(ownerName) && !isFinal(ownerName, name)) {
                hook();
            }
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            if (owner.startsWith("java/util/concurrent/atomic/") || owner.equals("java/lang/invoke/VarHandle")) {
                hook();
            }
        }

        /** Adds the call to the hook here. */
        protected final void hook() {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, hookOwner, hookMethod, "()V", false);
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
