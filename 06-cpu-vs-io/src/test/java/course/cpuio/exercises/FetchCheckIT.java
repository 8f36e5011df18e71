package course.cpuio.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import course.cpuio.Fetcher;
import course.kit.CatchRate;
import course.kit.Isolated;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves the cpuio.fetch check: every plausible wrong answer is caught on every run, right
 * answers written differently pass every run.
 *
 * <p>Wrong answers and what catches them:
 * <ul>
 *   <li>unbounded concurrency where a limit was asked: no semaphore at all; a permit held only
 *       while the request is sent (sendAsync), not until its answer is in. Caught by
 *       {@code keepsToTheLimit}: the server holds every request at a latch, so all the requests
 *       the answer lets through are in flight at once when it looks;
 *   <li>a limit one short, and one request at a time: caught by {@code keepsToTheLimit} (the
 *       peak never reaches the limit);
 *   <li>a timeout that is ignored (none on the request): caught by {@code timesOutSilentRequests},
 *       whose server never answers: fetchAll does not return in time;
 *   <li>a timeout that leaves the request running (a timed get on sendAsync's future, never
 *       cancelled): caught by {@code timesOutSilentRequests}, which sees the connections stay open;
 *   <li>one timeout for the whole batch (invokeAll with a timeout): caught by
 *       {@code timeoutIsPerRequest}: its requests each take well under the timeout, but four
 *       rounds of them take longer than one, so the last round is never sent;
 *   <li>an exception swallowed so a failed request counts as done; a status 500 taken for an
 *       answer: caught by {@code reportsFailures};
 *   <li>a permit not given back when a request fails: caught by {@code reportsFailures}, which
 *       has more failures than permits (fetchAll never returns);
 *   <li>one failed request failing the whole batch: caught by {@code reportsFailures};
 *   <li>every URL fetched twice (once for the status, once for the body): caught by
 *       {@code fetchesEveryUrl}, which counts the requests sent through its HttpClient (not the
 *       server's count: the JDK's client may resend a GET by itself, see {@link CountingHttpClient});
 *       a failed request tried again: caught by {@code reportsFailures}, which counts them too;
 *   <li>only 5xx, or only 4xx and 5xx, taken for failures; a reason that does not name the
 *       status: caught by {@code reportsFailures}, whose server also answers 404, 204, 201 and 302;
 *   <li>a permit given back twice by a failure: caught by {@code keepsToTheLimit}, whose first two
 *       requests fail before the twelve that are held;
 *   <li>the timeout also spent waiting for a permit: caught by {@code timeoutIsPerRequest} (the
 *       last round waits longer than one timeout for its turn);
 *   <li>results in the order the answers came: caught by {@code fetchesEveryUrl}, whose server
 *       holds the first answer until the 29 others are out;
 *   <li>the given client closed, or a client of its own used instead: caught by every check (the
 *       check's client notes a close) and by {@code fetchesEveryUrl} (no request came through it);
 *   <li>a pool sized to the number of URLs ({@code newFixedThreadPool(0)} throws): caught by
 *       {@code fetchesNothing};
 *   <li>the semaphore of the first call kept in a field for the next ones: caught by
 *       {@code keepsToTheLimit}, whose fetcher has served a call with a limit of one just before.
 * </ul>
 *
 * <p>Not caught: a home-made limit that looks at a count of requests in flight, then adds one
 * (an AtomicInteger's {@code get()}, then {@code incrementAndGet()}): two virtual threads would
 * have to pass between those two calls at the same moment, and nothing in the check can hold
 * them there (cpuio.split's turns hold only the threads that call the work, and here the
 * requests are sent after the limit is passed).
 */
class FetchCheckIT {

    private static final String PREFIX = "course.cpuio.exercises.";

    static Stream<Arguments> wrongAnswers() {
        return Stream.of(
                Arguments.of(FetchAnswers.Unbounded.class, "the limit was not kept"),
                Arguments.of(FetchAnswers.PermitOnlyWhileSending.class, "the limit was not kept"),
                Arguments.of(FetchAnswers.OffByOneLimit.class, "up to 3 at the same time"),
                Arguments.of(FetchAnswers.Sequential.class, "up to 3 at the same time"),
                Arguments.of(FetchAnswers.NoTimeout.class, "did not return within"),
                Arguments.of(FetchAnswers.TimeoutLeavesRequestRunning.class, "still running"),
                Arguments.of(FetchAnswers.TimeoutForTheWholeBatch.class, "The timeout is for each request"),
                Arguments.of(FetchAnswers.SwallowsExceptions.class, "never swallowed"),
                Arguments.of(FetchAnswers.IgnoresTheStatus.class, "never swallowed"),
                Arguments.of(FetchAnswers.PermitLostOnFailure.class, "did not return within"),
                Arguments.of(FetchAnswers.OneFailureFailsAll.class, "fetchAll threw"),
                Arguments.of(FetchAnswers.StatusThenBody.class, "each URL must be fetched exactly once"),
                Arguments.of(FetchAnswers.ServerErrorsOnly.class, "Any status other than 200 is a failure"),
                Arguments.of(FetchAnswers.ErrorStatusesOnly.class, "Any status other than 200 is a failure"),
                Arguments.of(FetchAnswers.StatusNotInTheReason.class, "say which status came back"),
                Arguments.of(FetchAnswers.ClosesTheClient.class, "belongs to the caller"),
                Arguments.of(FetchAnswers.OwnClient.class, "through the HttpClient it was given"),
                Arguments.of(FetchAnswers.RetriesAFailure.class, "a failure is reported, not tried again"),
                Arguments.of(FetchAnswers.PoolSizedToTheUris.class, "an empty list of URLs"),
                Arguments.of(FetchAnswers.ReleasesTwiceOnFailure.class, "the limit was not kept"),
                Arguments.of(FetchAnswers.TimeoutCoversTheWaitForAPermit.class, "The timeout is for each request"),
                Arguments.of(FetchAnswers.ResultsInArrivalOrder.class, "in the order of the URLs"),
                Arguments.of(FetchAnswers.LimitKeptFromTheFirstCall.class, "a limit kept from an earlier call"));
    }

    static Stream<Class<? extends Fetcher>> rightAnswers() {
        return Stream.of(
                BoundedFetcher.class, // the reference solution under -Psolution; the starter otherwise
                FetchAnswers.FixedPlatformPool.class,
                FetchAnswers.AsyncWithCancel.class,
                FetchAnswers.VirtualThreadsJoined.class,
                FetchAnswers.AcquireBeforeSubmit.class,
                FetchAnswers.AsyncCallbacks.class);
    }

    /** {@code -Dcatch.only=NameA,NameB} measures only those answers (all of them by default). */
    static boolean selected(Class<?> answer) {
        String only = System.getProperty("catch.only", "");
        return only.isBlank() || java.util.Arrays.asList(only.split(",")).contains(answer.getSimpleName());
    }

    @ParameterizedTest
    @MethodSource("wrongAnswers")
    void catchesWrongAnswerEveryRun(Class<? extends Fetcher> answer, String explanation) {
        org.junit.jupiter.api.Assumptions.assumeTrue(selected(answer), "not in -Dcatch.only");
        CatchRate.Result result = CatchRate.measure("06-cpu-vs-io", answer.getSimpleName(), explanation,
                () -> Isolated.run(PREFIX, FetchCheck.class, "all", answer));
        assertThat(result.caught()).as("runs that caught %s (saying \"%s\"): first message %s", answer.getSimpleName(),
                explanation, result.firstMessage()).isEqualTo(result.runs());
        assertThat(result.firstMessage()).containsAnyOf(explanation.split("\\|"));
    }

    @ParameterizedTest
    @MethodSource("rightAnswers")
    void passesRightAnswerEveryRun(Class<? extends Fetcher> answer) {
        org.junit.jupiter.api.Assumptions.assumeTrue(selected(answer), "not in -Dcatch.only");
        if (answer == BoundedFetcher.class && !System.getProperty("course.exercise.sources", "").contains("solutions")) {
            return; // the starter is not a right answer
        }
        CatchRate.Result result = CatchRate.measure("06-cpu-vs-io", answer.getSimpleName(),
                () -> Isolated.run(PREFIX, FetchCheck.class, "all", answer));
        assertThat(result.caught()).as("runs that failed %s: %s", answer.getSimpleName(), result.firstMessage())
                .isZero();
    }
}
