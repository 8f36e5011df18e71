package course.kit.watch;

import course.kit.ExerciseInfo;
import course.kit.ExerciseRegister;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * What the watch mode shows: one exercise at a time. The screen is cleared and drawn again
 * whenever something changes: the exercise and its file, the last run's verdict with what went
 * wrong, the book section to read, the hint (on demand), the list of exercises (on demand), the
 * progress of the module and of the course, and the keys.
 */
final class Screen {

    /** The last run's verdict: its headline, and the text under it. */
    record Verdict(String headline, String body) {
    }

    private static final String CLEAR = "\033[H\033[2J\033[3J";
    private static final String RULE = "-".repeat(78);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final PrintStream out;
    private final Path courseRoot;
    private final ExerciseRegister register;
    private final String watching;
    private String howSavesAreSeen = "";
    private ExerciseInfo exercise;
    private String notice = "";
    private Verdict verdict = new Verdict("", "");
    private boolean hintShown;
    private boolean listShown;

    Screen(PrintStream out, Path courseRoot, ExerciseRegister register, List<String> modules) {
        this.out = out;
        this.courseRoot = courseRoot;
        this.register = register;
        this.watching = modules.size() == 1 ? modules.get(0) : "the course";
    }

    void howSavesAreSeen(String how) {
        howSavesAreSeen = how;
    }

    /** A new exercise: its hint is hidden again. */
    void exercise(ExerciseInfo next, String noticeAbove) {
        if (!next.equals(exercise)) {
            hintShown = false;
        }
        exercise = next;
        notice = noticeAbove;
    }

    void verdict(int run, String headline, String body) {
        verdict = new Verdict("Run " + run + " (" + LocalTime.now().format(TIME) + "): " + headline, body);
        draw();
    }

    void toggleHint() {
        hintShown = !hintShown;
        draw();
    }

    void toggleList() {
        listShown = !listShown;
        draw();
    }

    /** Every exercise watched is solved. */
    void allSolved(String text) {
        exercise = null;
        verdict = new Verdict(text, "");
        draw();
    }

    void draw() {
        StringBuilder text = new StringBuilder(CLEAR);
        text.append("GIL course, watch mode: ").append(watching).append(" (").append(howSavesAreSeen).append(")\n")
                .append(RULE).append('\n');
        if (!notice.isEmpty()) {
            text.append(notice).append("\n\n");
        }
        if (exercise != null) {
            text.append("Exercise ").append(exercise.id()).append(" (").append(exercise.module()).append(", ")
                    .append(exercise.number()).append(" of ").append(register.ofModule(exercise.module()).size())
                    .append("): ").append(exercise.title()).append('\n')
                    .append("Edit: ").append(slashes(exercise.starterPath())).append("\n\n");
        }
        text.append(verdict.headline()).append('\n');
        if (!verdict.body().isEmpty()) {
            text.append(indent(verdict.body())).append('\n');
        }
        if (exercise != null) {
            text.append("Read: \"").append(exercise.section()).append("\" in the course book (")
                    .append(exercise.bookLink()).append(")\n");
            if (hintShown) {
                text.append("\nHint: ").append(exercise.hint()).append('\n');
            }
        }
        if (listShown) {
            text.append('\n').append(list());
        }
        text.append('\n').append(progress()).append(RULE).append('\n')
                .append("Keys (type one, then Enter):  h hint   l list   r run again   q quit\n");
        out.print(text);
        out.flush();
    }

    private String progress() {
        StringBuilder text = new StringBuilder();
        if (exercise != null) {
            List<ExerciseInfo> module = register.ofModule(exercise.module());
            text.append(String.format("%-14s %s %d of %d solved%n", exercise.module(), bar(module), solved(module),
                    module.size()));
        }
        List<ExerciseInfo> all = register.all();
        return text.append(String.format("%-14s %s %d of %d solved%n", "course", bar(all), solved(all), all.size()))
                .toString();
    }

    private String list() {
        StringBuilder text = new StringBuilder("Exercises ([x] solved, [ ] not yet, > the one shown):\n");
        List<String> modules = exercise == null ? register.modules() : List.of(exercise.module());
        for (ExerciseInfo e : register.all()) {
            if (modules.contains(e.module())) {
                String mark = passed(e) ? "[x]" : "[ ]";
                text.append(String.format("%s %s %-22s %s%n", e.equals(exercise) ? ">" : " ", mark, e.id(), e.title()));
            }
        }
        return text.toString();
    }

    private String bar(List<ExerciseInfo> exercises) {
        StringBuilder bar = new StringBuilder("[");
        exercises.forEach(e -> bar.append(passed(e) ? '#' : '.'));
        return bar.append(']').toString();
    }

    private long solved(List<ExerciseInfo> exercises) {
        return exercises.stream().filter(this::passed).count();
    }

    private boolean passed(ExerciseInfo exercise) {
        return LearnerRecord.in(courseRoot.resolve(exercise.module())).passed(exercise.id());
    }

    private static String indent(String text) {
        return "  " + text.strip().replace("\n", "\n  ");
    }

    private static String slashes(Path path) {
        return path.toString().replace('\\', '/');
    }
}
