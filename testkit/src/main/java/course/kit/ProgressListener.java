package course.kit;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Records which exercises pass, module by module, in {@code target/exercise-status.properties},
 * and prints the module's progress and the next exercise after each test run. With
 * {@code -Dcourse.progress=course} (the {@code progress} profile), the last module of the
 * course also prints the whole course's table. Registered through ServiceLoader, so every
 * module that uses the kit records its progress without asking.
 */
public final class ProgressListener implements TestExecutionListener {

    static final Path STATUS_FILE = Path.of("target", "exercise-status.properties");

    private final Map<String, Boolean> passed = new ConcurrentHashMap<>();

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (!test.isTest()) {
            return;
        }
        exerciseOf(test).ifPresent(id -> passed.merge(id,
                result.getStatus() == TestExecutionResult.Status.SUCCESSFUL, Boolean::logicalAnd));
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        exerciseOf(test).ifPresent(id -> passed.put(id, false));
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        if (passed.isEmpty()) {
            return;
        }
        Properties status = read(STATUS_FILE);
        passed.forEach((id, ok) -> status.setProperty(id, ok ? "passed" : "failed"));
        write(STATUS_FILE, status);
        String module = System.getProperty("course.module", "");
        Progress progress = Progress.fromStatusFiles(Path.of("..").toAbsolutePath().normalize());
        ExerciseRegister register = ExerciseRegister.load();
        boolean courseView = "course".equals(System.getProperty("course.progress"));
        boolean lastModule = register.modules().getLast().equals(module);
        System.out.println(courseView && lastModule ? progress.courseTable() : progress.moduleSummary(module));
    }

    private static Optional<String> exerciseOf(TestIdentifier test) {
        return test.getSource().flatMap(source -> {
            Class<?> type = source instanceof MethodSource m ? m.getJavaClass()
                    : source instanceof ClassSource c ? c.getJavaClass() : null;
            for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
                Exercise exercise = c.getAnnotation(Exercise.class);
                if (exercise != null) {
                    return Optional.of(exercise.value());
                }
            }
            return Optional.empty();
        });
    }

    static Properties read(Path file) {
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file)) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return properties;
    }

    private static void write(Path file, Properties properties) {
        try {
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(file)) {
                properties.store(out, "exercise results of the last test run (written by the course test kit)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
