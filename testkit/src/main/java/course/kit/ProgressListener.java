package course.kit;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Watches a module's test run, records which exercises passed, and prints what the learner
 * reads at the end of it: the first red exercise in full, one line for each other red one,
 * and the module's progress with the next step (see {@link RunReport}).
 *
 * <p>Registered through ServiceLoader, so a run from Maven and a run from an IDE's JUnit
 * runner record and report alike. A run on the starter updates the learner's record; a run on
 * the reference solutions ({@code -Psolution}) keeps a record of its own and leaves the
 * learner's alone. With {@code -Dcourse.progress=course} (the {@code recheck} profile) every
 * module keeps quiet and the last module of the course prints the whole course's table.
 */
public final class ProgressListener implements TestExecutionListener {

    private final Map<String, Boolean> passed = new ConcurrentHashMap<>();
    private final Map<String, List<RunReport.Failure>> exerciseFailures = new ConcurrentHashMap<>();
    private final List<RunReport.Failure> otherFailures = new CopyOnWriteArrayList<>();

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        boolean ok = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL;
        Optional<String> exercise = exerciseOf(test);
        if (test.isTest()) {
            exercise.ifPresent(id -> passed.merge(id, ok, Boolean::logicalAnd));
        }
        if (ok) {
            return;
        }
        Throwable error = result.getThrowable().orElse(null);
        RunReport.Failure failure = new RunReport.Failure(test.getDisplayName(), error);
        if (exercise.isPresent()) {
            passed.put(exercise.get(), false);
            exerciseFailures.computeIfAbsent(exercise.get(), id -> new CopyOnWriteArrayList<>()).add(failure);
        } else {
            otherFailures.add(failure);
        }
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        exerciseOf(test).ifPresent(id -> passed.put(id, false));
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        String module = System.getProperty("course.module", Path.of("").toAbsolutePath().getFileName().toString());
        Records.writeRun(passed, exerciseFailures.size() + otherFailures.size());
        ExerciseRegister register = ExerciseRegister.load();
        if (passed.isEmpty() && register.ofModule(module).isEmpty()) {
            return; // not a lesson's run (the test kit's own tests, say): nothing to report
        }
        Progress progress = Progress.fromRecords(Records.courseRoot(), Records.ofThisRun());
        if ("course".equals(System.getProperty("course.progress"))) {
            if (register.modules().getLast().equals(module)) {
                System.out.print(progress.courseTable());
            }
            return;
        }
        System.out.print(new RunReport(register, progress, module, exerciseFailures, otherFailures)
                .text(Boolean.getBoolean("course.detail") || "full".equals(System.getProperty("course.detail"))));
        System.out.flush();
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
}
