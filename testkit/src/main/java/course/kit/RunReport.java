package course.kit;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a module's test run prints at its end, short enough to read at a glance: the first red
 * exercise in full (exercise, what went wrong, hint, file, book section: its first failing test,
 * in the order its tests are written), one line for each other red exercise, and, as the last
 * lines, the module's progress and the next step. With {@code detail}, every failing test in
 * full, and the stack trace of anything that is not an exercise's failure.
 */
final class RunReport {

    /** A failed test (or test class) and what it threw. */
    record Failure(String test, Throwable error) {
    }

    private static final int SUMMARY_WIDTH = 110;

    private final ExerciseRegister register;
    private final Progress progress;
    private final String module;
    private final Map<String, List<Failure>> exerciseFailures;
    private final Collection<Failure> otherFailures;

    RunReport(ExerciseRegister register, Progress progress, String module,
              Map<String, List<Failure>> exerciseFailures, Collection<Failure> otherFailures) {
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
            red.forEach(e -> exerciseFailures.get(e.id()).forEach(f -> text.append("\n  Test ").append(f.test())
                    .append(":").append(messageOf(e, f))));
            otherFailures.forEach(f -> text.append("\n  ").append(f.test()).append(" failed:\n").append(stackTrace(f.error())));
        } else if (!red.isEmpty() || !otherFailures.isEmpty()) {
            red.stream().findFirst().ifPresent(e -> text.append(messageOf(e, exerciseFailures.get(e.id()).getFirst())));
            red.stream().skip(1).forEach(e -> text.append(oneLine("Also red: " + e.id() + " (" + e.number() + " of "
                    + register.ofModule(e.module()).size() + "): ", whatWentWrong(e))));
            otherFailures.forEach(f -> text.append(oneLine("Also failed: " + f.test() + ": ", String.valueOf(f.error()))));
            long failures = exerciseFailures.values().stream().mapToLong(List::size).sum() + otherFailures.size();
            if (failures > 1) {
                text.append("  (all ").append(failures).append(" failures in full: add -Dcourse.detail=full)\n");
            }
        }
        return text.append(progress.moduleSummary(module, red.stream().findFirst())).toString();
    }

    /** The learner's message for one failed test of {@code exercise}. */
    private static String messageOf(ExerciseInfo exercise, Failure failure) {
        return failureOf(exercise, failure).getMessage();
    }

    private String whatWentWrong(ExerciseInfo exercise) {
        return failureOf(exercise, exerciseFailures.get(exercise.id()).getFirst()).whatWentWrong();
    }

    private static ExerciseFailure failureOf(ExerciseInfo exercise, Failure failure) {
        return failure.error() instanceof ExerciseFailure done ? done : ExerciseFailure.of(exercise, failure.error());
    }

    /** The first line of {@code what} (and the next, when the first only announces it), cut to one line. */
    private static String oneLine(String label, String what) {
        List<String> lines = what.strip().lines().map(String::strip).toList();
        String first = lines.isEmpty() ? "" : lines.getFirst();
        if (first.endsWith(":") && lines.size() > 1) {
            first = first + " " + lines.get(1);
        }
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
