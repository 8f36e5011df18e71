package course.kit;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * The learner's progress: for each exercise of the register, passed, failed or not run yet,
 * from the status files the last test run of each module wrote.
 */
public final class Progress {

    enum State { PASSED, FAILED, NOT_RUN }

    private final ExerciseRegister register;
    private final Properties status;

    private Progress(ExerciseRegister register, Properties status) {
        this.register = register;
        this.status = status;
    }

    /** Reads {@code <module>/target/exercise-status.properties} of every module under {@code courseRoot}. */
    static Progress fromStatusFiles(Path courseRoot) {
        ExerciseRegister register = ExerciseRegister.load();
        Properties all = new Properties();
        for (String module : register.modules()) {
            all.putAll(ProgressListener.read(courseRoot.resolve(module).resolve(ProgressListener.STATUS_FILE)));
        }
        return new Progress(register, all);
    }

    State state(ExerciseInfo exercise) {
        return switch (status.getProperty(exercise.id(), "")) {
            case "passed" -> State.PASSED;
            case "failed" -> State.FAILED;
            default -> State.NOT_RUN;
        };
    }

    /** A few lines for the end of a module's test run. */
    String moduleSummary(String module) {
        List<ExerciseInfo> exercises = register.ofModule(module);
        long solved = exercises.stream().filter(e -> state(e) == State.PASSED).count();
        StringBuilder text = new StringBuilder("\n" + module + ": " + solved + " of " + exercises.size()
                + " exercises solved\n");
        exercises.forEach(e -> text.append(line(e)));
        text.append(next(exercises));
        return text.toString();
    }

    /** The whole course: one line per exercise, a total per module, and the next exercise to do. */
    String courseTable() {
        StringBuilder text = new StringBuilder("\nCourse progress (from each module's last test run)\n");
        for (String module : register.modules()) {
            List<ExerciseInfo> exercises = register.ofModule(module);
            long solved = exercises.stream().filter(e -> state(e) == State.PASSED).count();
            text.append(String.format("%n%-14s %d/%d solved%n", module, solved, exercises.size()));
            exercises.forEach(e -> text.append(line(e)));
        }
        long solved = register.all().stream().filter(e -> state(e) == State.PASSED).count();
        text.append(String.format("%nTotal: %d of %d exercises solved%n", solved, register.all().size()));
        text.append(next(register.all()));
        return text.toString();
    }

    private String line(ExerciseInfo e) {
        String mark = switch (state(e)) {
            case PASSED -> "[x]";
            case FAILED -> "[ ]";
            case NOT_RUN -> "[?]";
        };
        return String.format("  %s %-22s %s%n", mark, e.id(), e.title());
    }

    private String next(List<ExerciseInfo> exercises) {
        return exercises.stream()
                .filter(e -> state(e) != State.PASSED)
                .findFirst()
                .map(e -> "Next: " + e.id() + " - " + e.title() + "\n  Edit: "
                        + e.starterPath().toString().replace('\\', '/') + "\n  Run:  ./mvnw test -pl " + e.module()
                        + "\n  Hint: " + e.hint() + "\n")
                .orElse("All done here. Well played.\n");
    }
}
