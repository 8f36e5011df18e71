package course.book;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the lessons' demos while the book is built and saves what each printed, so that the
 * book shows real output of the code it includes: one run, on the machine that built it.
 *
 * <p>Arguments: the output directory, then the file that lists the demos, one per line:
 * {@code <output-name> <main-class> [args...]}. Each demo's standard output goes to
 * {@code <output-dir>/<output-name>.txt}. A demo that throws, or runs longer than two minutes,
 * fails the build with its name.
 */
public final class CaptureDemoOutput {

    private static final long TIME_LIMIT_SECONDS = 120;

    private CaptureDemoOutput() {
    }

    public static void main(String[] args) throws Exception {
        Path outputDir = Path.of(args[0]);
        Files.createDirectories(outputDir);
        List<String> failures = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[1]))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] words = line.trim().split("\\s+");
            String failure = capture(outputDir.resolve(words[0] + ".txt"), words[1],
                    Arrays.copyOfRange(words, 2, words.length));
            if (failure != null) {
                failures.add(words[0] + ": " + failure);
            }
        }
        if (!failures.isEmpty()) {
            System.err.println("demos that did not run to the end:\n  " + String.join("\n  ", failures));
            System.exit(1);
        }
    }

    /** Runs one demo with standard output captured; returns null, or what went wrong. */
    private static String capture(Path file, String mainClass, String[] demoArgs) throws IOException, InterruptedException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream original = System.out;
        Throwable[] error = new Throwable[1];
        long start = System.nanoTime();
        Thread runner = Thread.ofPlatform().name("demo " + mainClass).daemon(true).unstarted(() -> {
            try {
                Method main = Class.forName(mainClass).getMethod("main", String[].class);
                main.invoke(null, (Object) demoArgs);
            } catch (InvocationTargetException e) {
                error[0] = e.getCause();
            } catch (ReflectiveOperationException e) {
                error[0] = e;
            }
        });
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            runner.start();
            runner.join(TimeUnit.SECONDS.toMillis(TIME_LIMIT_SECONDS));
        } finally {
            System.out.flush();
            System.setOut(original);
        }
        Files.writeString(file, buffer.toString(StandardCharsets.UTF_8));
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("captured %-40s %6d ms%n", file.getFileName(), millis);
        if (runner.isAlive()) {
            return "still running after " + TIME_LIMIT_SECONDS + " s";
        }
        return error[0] == null ? null : String.valueOf(error[0]);
    }
}
