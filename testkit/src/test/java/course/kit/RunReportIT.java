package course.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The end of a module's run, as the learner reads it: the first red exercise in full, once; a
 * line for each other red one; the module's progress and the next step as the last lines.
 */
class RunReportIT {

    private final ExerciseRegister register = ExerciseRegister.load();
    private final Progress nothingRecorded = Progress.fromRecords(Path.of("no-such-course"), Records.LEARNER);

    @Test
    void aRedRunShowsTheFirstRedExerciseInFullOnceAndEndsWithTheProgress() {
        String text = new RunReport(register, nothingRecorded, "02-race", twoRedExercises(), List.of()).text(false);

        assertThat(text).containsOnlyOnce("Exercise race.counter (02-race, 1 of 3)")
                .containsOnlyOnce("lost 3 of 10 increments").doesNotContain("more detail")
                .doesNotContain("the watcher never saw the count").contains("all 3 failures in full: add -Dcourse.detail=full")
                .containsOnlyOnce("Also red: race.stop-signal (3 of 3): the flag was never seen")
                .doesNotContain("Exercise race.stop-signal");
        assertThat(text.indexOf("Exercise race.counter")).isLessThan(text.indexOf("Also red"));
        List<String> lines = text.lines().toList();
        assertThat(lines.get(lines.size() - 5)).startsWith("02-race: 0 of 3 exercises solved");
        assertThat(lines.getLast()).isEqualTo("Next: make race.counter pass (its failure is above),"
                + " then run ./mvnw test -pl 02-race again.");
    }

    @Test
    void withDetailEveryFailureIsShownInFull() {
        String text = new RunReport(register, nothingRecorded, "02-race", twoRedExercises(), List.of()).text(true);

        assertThat(text).contains("Exercise race.counter", "more detail", "Exercise race.stop-signal")
                .contains("lost 3 of 10 increments", "the watcher never saw the count").doesNotContain("Also red");
    }

    @Test
    void aGreenRunEndsWithTheProgressAndTheNextExercise() {
        String text = new RunReport(register, nothingRecorded, "02-race", Map.of(), List.of()).text(false);

        assertThat(text).startsWith("\n02-race: 0 of 3 exercises solved").doesNotContain("Also red")
                .endsWith("Run:  ./mvnw test -pl 02-race\n");
    }

    @Test
    void aFirstLineThatOnlyAnnouncesWhatFollowsIsJoinedToIt() {
        Map<String, List<RunReport.Failure>> failures = Map.of(
                "race.counter", List.of(failure("race.counter", "lost 3 of 10 increments")),
                "race.withdraw", List.of(failure("race.withdraw", "a cycle of 2 threads:\n  t1 waits for t2")));

        String text = new RunReport(register, nothingRecorded, "02-race", failures, List.of()).text(false);

        assertThat(text).contains("Also red: race.withdraw (2 of 3): a cycle of 2 threads: t1 waits for t2");
    }

    @Test
    void aFailingTestOfNoExerciseIsNamed() {
        List<RunReport.Failure> others = List.of(new RunReport.Failure("aHelperWorks()", new AssertionError("broken")));

        String text = new RunReport(register, nothingRecorded, "02-race", Map.of(), others).text(false);

        assertThat(text).contains("Also failed: aHelperWorks(): java.lang.AssertionError: broken");
    }

    /** race.counter and race.stop-signal red; the second's message has a second line. */
    private Map<String, List<RunReport.Failure>> twoRedExercises() {
        return Map.of("race.stop-signal", List.of(failure("race.stop-signal", "the flag was never seen\nmore detail")),
                "race.counter", List.of(failure("race.counter", "lost 3 of 10 increments"),
                        failure("race.counter", "the watcher never saw the count")));
    }

    private RunReport.Failure failure(String id, String what) {
        return new RunReport.Failure("aTest()", ExerciseFailure.of(register.get(id), new AssertionError(what)));
    }
}
