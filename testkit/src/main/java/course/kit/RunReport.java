package course.kit;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a module's test run prints at its end, short enough to read at a glance: the first red
 * exercise in full (exercise, what went wrong, hint, file, book section), one line for each
 * other red exercise, and, as the last lines, the module's progress and the next step. With
 * {@code detail}, every failure in full, and the stack trace of anything that is not an
 * exercise's failure.
 */
final class RunReport {

    /** A failed test (or test class) and what it threw. */
    record Failure(String test, Throwable error) {
    }

    private static final int SUMMARY_WIDTH = 110;

    private final ExerciseRegister register;
    private final Progress progress;
    private final String module;
    private final Map<String, Failure> exerciseFailures;
    private final Collection<Failure> otherFailures;

    RunReport(ExerciseRegister register, Progress progress, String module,
              Map<String, Failure> exerciseFailures, Collection<Failure> otherFailures) {
        this.register = register;
        this.progress = progress;
        this.module = module;
        this.exerciseFailures = exerciseFailures;
        this.otherFailures = otherFailures;
    }

    String text(boolean detail) {
        List<ExerciseInfo> red = register.all().stream().filter(e -> exerciseFailures.containsKey(e.id())).toList();
        StringBuilder text = new StringBuilder();
        if (detail) {
            red.forEach(e -> text.append(failureOf(e).getMessage()));
            otherFailures.forEach(f -> text.append("\n  ").append(f.test()).append(" failed:\n").append(stackTrace(f.error())));
        } else if (!red.isEmpty() || !otherFailures.isEmpty()) {
            red.stream().findFirst().ifPresent(e -> text.append(failureOf(e).getMessage()));
            red.stream().skip(1).forEach(e -> text.append(oneLine("Also red: " + e.id() + " (" + e.number() + " of "
                    + register.ofModule(e.module()).size() + "): ", failureOf(e).whatWentWrong())));
            otherFailures.forEach(f -> text.append(oneLine("Also failed: " + f.test() + ": ", String.valueOf(f.error()))));
            if (red.size() + otherFailures.size() > 1) {
                text.append("  (every failure in full: add -Dcourse.detail=full)\n");
            }
        }
        return text.append(progress.moduleSummary(module, red.stream().findFirst())).toString();
    }

    private ExerciseFailure failureOf(ExerciseInfo exercise) {
        Throwable error = exerciseFailures.get(exercise.id()).error();
        return error instanceof ExerciseFailure failure ? failure : ExerciseFailure.of(exercise, error);
    }

    private static String oneLine(String label, String what) {
        String first = what.strip().lines().findFirst().orElse("");
        String line = "  " + label + first;
        return (line.length() > SUMMARY_WIDTH ? line.substring(0, SUMMARY_WIDTH - 3) + "..." : line) + "\n";
    }

    private static String stackTrace(Throwable error) {
        if (error == null) {
            return "    (no exception)\n";
        }
        return "    " + error + "\n" + java.util.Arrays.stream(error.getStackTrace())
                .map(frame -> "      at " + frame + "\n").collect(Collectors.joining());
    }
}
