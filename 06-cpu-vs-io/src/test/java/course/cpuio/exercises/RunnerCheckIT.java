package course.cpuio.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import course.cpuio.ProcessRunner;
import course.kit.CatchRate;
import course.kit.Isolated;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves the cpuio.runner check: every plausible wrong answer is caught on every run, right
 * answers written differently pass every run. The workers are real JVMs, so each run of a
 * check starts fifteen of them.
 *
 * <p>Wrong answers and what catches them (the check that runs first in {@code all} says it):
 * <ul>
 *   <li>what is checked: only the wall clock (the article's mistake), only the exit status, only
 *       the result, a refusal only when every worker failed, status 1 taken for the only failure
 *       status, stopping at the first failed worker, any error output taken for a failure, every
 *       worker blamed: caught by {@code refusesEveryFailedWorker}, four of whose six workers fail in four
 *       ways (crash at start-up, a status drawn from 2..125 after the right result, the right
 *       number printed but not last, nothing printed) in places drawn at random, and by
 *       {@code reportsEveryResult}, whose good workers write on their error stream too;
 *   <li>where the result is read: the first line, any line, the last piece of {@code split("\n")}
 *       unstripped, the last line even if blank, the last word, the output up to its first blank
 *       line, stdout and stderr merged into one pipe: caught by {@code reportsEveryResult}
 *       (results with no line break, with \r\n, of two words, followed by blank lines or by a
 *       warning on the error stream, preceded by other numbers and a blank line) and by
 *       {@code refusesEveryFailedWorker} (the right number, then another; the right number twice
 *       on one line, which a line that merely contains the result lets through);
 *   <li>what is reported: no error output, the whole error output (256 KB, many lines), its last
 *       300 characters flattened to one line, the name and no more, two lines for one worker, one
 *       line for all: caught by
 *       {@code refusesEveryFailedWorker}, which wants one line per failed worker holding its exit
 *       status and the last line of its error output, or the wrong result it printed;
 *   <li>how the processes are read: after they exit, stdout only, stdout to its end before stderr:
 *       caught by {@code reportsEveryResult}, one of whose workers writes 1 MB on its standard output,
 *       then 1 MB on its error stream (the check sees on which stream the worker is stuck and says so);
 *   <li>how they are timed and ordered: a clock stopped when the last process was started, results
 *       in the order the workers finished: caught by {@code reportsResultsAndTime}, whose first
 *       worker is held until the others have finished and then as long again; workers started one
 *       after another: caught by {@code reportsEveryResult}, whose first and last workers each wait
 *       for the other to be running; a clock started by the first worker: caught by
 *       {@code runsNoWorkers};
 *   <li>the reason taken as the last piece of the error output's split("\n"): caught by
 *       {@code refusesEveryFailedWorker}, whose failed-late worker ends its error output with
 *       {@code \r\n} and a blank line.
 * </ul>
 *
 * <p>Not caught: a clock started after the processes were started (it misses only the time
 * {@code start()} took, a few milliseconds, which no check can hold open); reader threads that
 * are not joined, their text read once {@code waitFor()} has returned (what a worker wrote just
 * before it exited may still be in the pipe: a race the workers of these checks have never lost).
 */
class RunnerCheckIT {

    private static final String PREFIX = "course.cpuio.exercises.";

    static Stream<Arguments> wrongAnswers() {
        return Stream.of(
                Arguments.of(RunnerAnswers.WallClockOnly.class, "18.59x"),
                Arguments.of(RunnerAnswers.ExitStatusOnly.class, "does not name the worker"),
                Arguments.of(RunnerAnswers.ResultOnly.class, "does not name the worker"),
                Arguments.of(RunnerAnswers.RefusesOnlyIfAllFailed.class, "for an empty list of workers"),
                Arguments.of(RunnerAnswers.BlamesEveryone.class, "Name only the workers that failed"),
                Arguments.of(RunnerAnswers.StopsAtTheFirstFailure.class, "does not name the worker"),
                Arguments.of(RunnerAnswers.ErrorOutputIsAFailure.class, "refused a run in which every worker did its work"),
                Arguments.of(RunnerAnswers.OnlyStatusOneIsAFailure.class, "does not name the worker"),
                Arguments.of(RunnerAnswers.FirstLineAsResult.class, "refused a run in which every worker did its work"),
                Arguments.of(RunnerAnswers.ResultOnAnyLine.class, "does not name the worker"),
                Arguments.of(RunnerAnswers.LastPieceOfSplit.class, "refused a run in which every worker did its work"),
                Arguments.of(RunnerAnswers.LastLineEvenIfBlank.class, "refused a run in which every worker did its work"),
                Arguments.of(RunnerAnswers.MergedStreams.class, "refused a run in which every worker did its work"),
                Arguments.of(RunnerAnswers.LastWordAsResult.class, "refused a run in which every worker did its work"),
                Arguments.of(RunnerAnswers.StopsReadingAtABlankLine.class, "refused a run in which every worker did its work"),
                Arguments.of(RunnerAnswers.ResultContainedInTheLastLine.class, "does not name the worker"),
                Arguments.of(RunnerAnswers.NoErrorOutputInTheLine.class, "the last line of its error output"),
                Arguments.of(RunnerAnswers.LastPieceOfTheErrorOutput.class, "the last line of its error output"),
                Arguments.of(RunnerAnswers.WholeErrorOutputInTheLine.class, "not all of it"),
                Arguments.of(RunnerAnswers.JustTheName.class, "which does not say"),
                Arguments.of(RunnerAnswers.TwoLinesForOneWorker.class, "one line per failed worker"),
                Arguments.of(RunnerAnswers.OneLineForAll.class, "one line per failed worker"),
                Arguments.of(RunnerAnswers.DiscardsErrorOutput.class, "the last line of its error output"),
                Arguments.of(RunnerAnswers.ErrorOutputTailInTheLine.class, "from before the last one"),
                Arguments.of(RunnerAnswers.TimesOnlyTheStarts.class, "the clock must stop"),
                Arguments.of(RunnerAnswers.OneAfterAnother.class, "never ran at the same time"),
                Arguments.of(RunnerAnswers.ReadsAfterExit.class, "stuck writing on its standard output"),
                Arguments.of(RunnerAnswers.DrainsOnlyStandardOutput.class, "nobody read its error stream"),
                Arguments.of(RunnerAnswers.ReadsOutputThenErrors.class, "nobody read its error stream"),
                Arguments.of(RunnerAnswers.ResultsInCompletionOrder.class, "not in the order they finished"),
                Arguments.of(RunnerAnswers.ClockStartedByTheFirstWorker.class, "for an empty list of workers"));
    }

    static Stream<Class<? extends ProcessRunner>> rightAnswers() {
        return Stream.of(
                CheckedRunner.class, // the reference solution under -Psolution; the starter otherwise
                RunnerAnswers.PipesReadByVirtualThreads.class,
                RunnerAnswers.FilesAndOnExit.class,
                RunnerAnswers.LastLinesKeptByPlatformThreads.class,
                RunnerAnswers.LastLinesByCompletableFutures.class);
    }

    /** {@code -Dcatch.only=NameA,NameB} measures only those answers (all of them by default). */
    static boolean selected(Class<?> answer) {
        String only = System.getProperty("catch.only", "");
        return only.isBlank() || java.util.Arrays.asList(only.split(",")).contains(answer.getSimpleName());
    }

    @ParameterizedTest
    @MethodSource("wrongAnswers")
    void catchesWrongAnswerEveryRun(Class<? extends ProcessRunner> answer, String explanation) {
        org.junit.jupiter.api.Assumptions.assumeTrue(selected(answer), "not in -Dcatch.only");
        CatchRate.Result result = CatchRate.measure("06-cpu-vs-io", answer.getSimpleName(), explanation,
                () -> Isolated.run(PREFIX, RunnerCheck.class, "all", answer));
        assertThat(result.caught()).as("runs that caught %s (saying \"%s\"): first message %s", answer.getSimpleName(),
                explanation, result.firstMessage()).isEqualTo(result.runs());
        assertThat(result.firstMessage()).containsAnyOf(explanation.split("\\|"));
    }

    @ParameterizedTest
    @MethodSource("rightAnswers")
    void passesRightAnswerEveryRun(Class<? extends ProcessRunner> answer) {
        org.junit.jupiter.api.Assumptions.assumeTrue(selected(answer), "not in -Dcatch.only");
        if (answer == CheckedRunner.class && !System.getProperty("course.exercise.sources", "").contains("solutions")) {
            return; // the starter is not a right answer
        }
        CatchRate.Result result = CatchRate.measure("06-cpu-vs-io", answer.getSimpleName(),
                () -> Isolated.run(PREFIX, RunnerCheck.class, "all", answer));
        assertThat(result.caught()).as("runs that failed %s: %s", answer.getSimpleName(), result.firstMessage())
                .isZero();
    }
}
