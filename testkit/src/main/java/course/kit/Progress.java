package course.kit;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The learner's progress: for each exercise of the register, passed, failed or not run yet, as
 * the last test runs of each module recorded it (see {@link Records}).
 *
 * <p>Its {@code main} is the course's progress view ({@code ./mvnw -Pprogress}): it reads the
 * records and prints the table, and runs no exercise.
 */
public final class Progress {

    enum State { PASSED, FAILED, NOT_RUN }

    private final ExerciseRegister register;
    private final Properties status;
    private final boolean solutions;

    private Progress(ExerciseRegister register, Properties status, boolean solutions) {
        this.register = register;
        this.status = status;
        this.solutions = solutions;
    }

    /** Prints the course's progress as recorded under the course root given as the one argument. */
    public static void main(String[] args) {
        System.out.print(fromRecords(Path.of(args[0]), Records.LEARNER).courseTable());
    }

    /** Reads {@code <module>/target/<record>} of every module under {@code courseRoot}. */
    static Progress fromRecords(Path courseRoot, String record) {
        ExerciseRegister register = ExerciseRegister.load();
        Properties all = new Properties();
        for (String module : register.modules()) {
            all.putAll(Records.read(courseRoot.resolve(module).resolve("target").resolve(record)));
        }
        return new Progress(register, all, record.equals(Records.SOLUTIONS));
    }

    State state(ExerciseInfo exercise) {
        return switch (status.getProperty(exercise.id(), "")) {
            case "passed" -> State.PASSED;
            case "failed" -> State.FAILED;
            default -> State.NOT_RUN;
        };
    }

    /**
     * The last lines of a module's run: the module's exercises, how many are solved, and the
     * next step ({@code shownAbove}: the red exercise whose failure the run printed in full).
     */
    String moduleSummary(String module, Optional<ExerciseInfo> shownAbove) {
        List<ExerciseInfo> exercises = register.ofModule(module);
        StringBuilder text = new StringBuilder("\n");
        if (solutions) {
            text.append(module).append(" on the reference solutions: ").append(solved(exercises)).append(" of ")
                    .append(exercises.size()).append(" exercises pass (your own progress is not changed by this run)\n");
            exercises.forEach(e -> text.append(line(e)));
            return text.toString();
        }
        text.append(module).append(": ").append(solved(exercises)).append(" of ").append(exercises.size())
                .append(" exercises solved ").append(bar(exercises)).append("   course: ").append(solved(register.all()))
                .append(" of ").append(register.all().size()).append("\n");
        exercises.forEach(e -> text.append(line(e)));
        return text.append(nextStep(module, shownAbove)).toString();
    }

    /** The whole course: one line per exercise, a total per module, and the next exercise to do. */
    String courseTable() {
        StringBuilder text = new StringBuilder("\nCourse progress, as your last test runs recorded it"
                + " ([x] solved, [ ] not yet, [?] not run yet)\n");
        for (String module : register.modules()) {
            List<ExerciseInfo> exercises = register.ofModule(module);
            text.append(String.format("%n%-14s %d of %d solved %s%n", module, solved(exercises), exercises.size(),
                    bar(exercises)));
            exercises.forEach(e -> text.append(line(e)));
        }
        text.append(String.format("%nTotal: %d of %d exercises solved %s%n", solved(register.all()),
                register.all().size(), bar(register.all())));
        return text.append(nextStep("", Optional.empty())).toString();
    }

    private long solved(List<ExerciseInfo> exercises) {
        return exercises.stream().filter(e -> state(e) == State.PASSED).count();
    }

    private String bar(List<ExerciseInfo> exercises) {
        StringBuilder bar = new StringBuilder("[");
        exercises.forEach(e -> bar.append(state(e) == State.PASSED ? '#' : '.'));
        return bar.append(']').toString();
    }

    private String line(ExerciseInfo e) {
        String mark = switch (state(e)) {
            case PASSED -> "[x]";
            case FAILED -> "[ ]";
            case NOT_RUN -> "[?]";
        };
        return String.format("  %s %-22s %s%n", mark, e.id(), e.title());
    }

    /** The next exercise: the first unsolved one of this module, else of the course. */
    private String nextStep(String module, Optional<ExerciseInfo> shownAbove) {
        Optional<ExerciseInfo> next = register.ofModule(module).stream().filter(e -> state(e) != State.PASSED)
                .findFirst().or(() -> register.all().stream().filter(e -> state(e) != State.PASSED).findFirst());
        if (next.isEmpty()) {
            return "All " + register.all().size() + " exercises of the course solved. Well played.\n";
        }
        ExerciseInfo e = next.get();
        String run = mavenCommand() + " test -pl " + e.module();
        if (shownAbove.equals(next)) {
            return "Next: make " + e.id() + " pass (its failure is above), then run " + run + " again.\n";
        }
        return "Next: " + e.id() + " - " + e.title() + "\n  Edit: " + e.starterPath().toString().replace('\\', '/')
                + "\n  Run:  " + run + "\n";
    }

    /** The Maven command the learner used: the wrapper, or a Maven of their own. */
    private static String mavenCommand() {
        String home = System.getProperty("course.maven.home", "");
        return home.isEmpty() || home.replace('\\', '/').contains("/wrapper/") ? "./mvnw" : "mvn";
    }
}
