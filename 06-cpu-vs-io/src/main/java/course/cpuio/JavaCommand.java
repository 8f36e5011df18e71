package course.cpuio;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Commands that start a new JVM running a main class: the worker processes of this lesson. */
public final class JavaCommand {

    /** JVM options for short-lived helper processes: a small heap and the quick compiler only. */
    public static final List<String> QUICK_START = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private JavaCommand() {
    }

    // tag::java-command[]
    /** The java launcher that started this JVM, so the children run on the same JDK. */
    public static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** {@code java -cp <this JVM's class path> <mainClass> <args...>} */
    public static List<String> of(Class<?> mainClass, String... args) {
        return of(List.of(), System.getProperty("java.class.path"), mainClass.getName(), args);
    }
    // end::java-command[]

    /** {@code java <jvmOptions...> -cp <classPath> <mainClass> <args...>} */
    public static List<String> of(List<String> jvmOptions, String classPath, String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        command.addAll(List.of(args));
        return command;
    }
}
