package course.kit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.MethodDescriptor;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.MethodOrdererContext;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Runs a test class's methods in the order they are written: an exercise test lists its checks
 * in the order a learner meets them (one thread first, then lost updates, then visibility), and
 * the run report shows the first that fails. Reflection gives methods in no promised order;
 * javac writes them to the class file in source order, and that is what this reads.
 * Set as the default method order in the kit's {@code junit-platform.properties}.
 */
public final class SourceOrder implements MethodOrderer {

    @Override
    public void orderMethods(MethodOrdererContext context) {
        List<String> written = methodsAsWritten(context.getTestClass());
        context.getMethodDescriptors().sort(Comparator.comparingInt(method -> place(written, method)));
    }

    private static int place(List<String> written, MethodDescriptor method) {
        int place = written.indexOf(method.getMethod().getName() + Type.getMethodDescriptor(method.getMethod()));
        return place < 0 ? Integer.MAX_VALUE : place;
    }

    /** Name and descriptor of each method, in the class file's order. */
    private static List<String> methodsAsWritten(Class<?> type) {
        List<String> methods = new ArrayList<>();
        String file = type.getName().replace('.', '/') + ".class";
        ClassLoader loader = type.getClassLoader() != null ? type.getClassLoader() : ClassLoader.getSystemClassLoader();
        try (InputStream in = loader.getResourceAsStream(file)) {
            if (in == null) {
                return methods; // no class file to read: JUnit's default order stands
            }
            new ClassReader(in).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                                 String[] exceptions) {
                    methods.add(name + descriptor);
                    return null;
                }
            }, ClassReader.SKIP_CODE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return methods;
    }
}
