package course.kit;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.jetbrains.kotlinx.lincheck.Actor;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;
import org.jetbrains.kotlinx.lincheck.execution.ResultWithClock;
import org.jetbrains.kotlinx.lincheck.strategy.IncorrectResultsFailure;
import org.jetbrains.kotlinx.lincheck.strategy.LincheckFailure;
import org.jetbrains.kotlinx.lincheck.strategy.ManagedDeadlockFailure;
import org.jetbrains.kotlinx.lincheck.strategy.ManagedLivelockFailure;
import org.jetbrains.kotlinx.lincheck.strategy.TimeoutFailure;
import org.jetbrains.kotlinx.lincheck.strategy.UnexpectedExceptionFailure;
import org.jetbrains.lincheck.LincheckAssertionError;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;

/**
 * Explores the interleavings of a few calls made at once and judges every outcome against the
 * same calls made one at a time: the promise of every exercise whose object must behave "as if
 * the calls ran one after another" (counts, withdrawals, accounts, buffers, caches, transfers).
 *
 * <p>The exploring is Lincheck's model checker: it runs the calls in threads it schedules
 * itself, switching between them at every shared-memory access and lock operation, so it tries
 * the interleavings nobody thought of instead of one a check forces. A {@code model} class holds
 * a fresh object under test (made by its no-argument constructor) and has one public method per
 * call, annotated {@code @Operation}; a {@code oneAtATime} class has the same methods and does
 * what the calls must do when they run one at a time. When some interleaving gives results that
 * no one-at-a-time order gives, or hangs, or throws, the check fails with what the calls
 * returned and the interleaving that broke them ({@link InterleavingTrace}).
 */
public final class Interleavings {

    /**
     * The time limit, in seconds, of a test that explores ({@code @Timeout(Interleavings.TIME_LIMIT_SECONDS)}).
     * Longer than other tests' 10 s: the model checker's first start in a JVM takes seconds on a
     * busy machine, and it finds hangs itself (a deadlock or a spin in the explored calls fails
     * the check with its interleaving), so the limit only guards against the checker itself.
     */
    public static final int TIME_LIMIT_SECONDS = 60;

    /** How many interleavings of one scenario are tried at most; small scenarios are exhausted sooner. */
    static final int INTERLEAVINGS_PER_SCENARIO = 100;
    /** {@code -Dcourse.interleavings=N}: a cap on every scenario's interleavings (a quick run, a measure). */
    private static final int INTERLEAVINGS_CAP = Integer.getInteger("course.interleavings", Integer.MAX_VALUE);

    private final Class<?> model;
    private final Class<?> oneAtATime;
    private final Class<?> answer;
    private final List<Scenario> scenarios = new ArrayList<>();
    private int interleavingsPerScenario = Math.min(INTERLEAVINGS_PER_SCENARIO, INTERLEAVINGS_CAP);
    private boolean hangsJudged = true;

    static {
        // Lincheck's own log (read once, when it first loads) says things like "[WARN] Failed to get
        // object field offset for field arg$1" about the answer's lambdas: nothing a learner can act on.
        if (System.getProperty("lincheck.logLevel") == null) {
            System.setProperty("lincheck.logLevel", "ERROR");
        }
    }

    /** The answer under exploration, for the model's constructor (Lincheck makes models with no arguments). */
    private static volatile Class<?> explored;

    private Interleavings(Class<?> model, Class<?> oneAtATime, Class<?> answer) {
        this.model = Isolated.original(model);
        this.oneAtATime = Isolated.original(oneAtATime);
        this.answer = answer;
    }

    /**
     * Explores the calls of {@code model}; a trace shows the lines of {@code answer}, the
     * learner's class, which the model's constructor gets from {@link #answer(Class)}.
     */
    public static Interleavings of(Class<?> model, Class<?> oneAtATime, Class<?> answer) {
        return new Interleavings(model, oneAtATime, answer);
    }

    /** The answer class being explored, for the model to make its object of. */
    public static <T> Class<? extends T> answer(Class<T> type) {
        return explored.asSubclass(type);
    }

    /**
     * Tries at most {@code interleavings} interleavings of each scenario instead of
     * {@value #INTERLEAVINGS_PER_SCENARIO} (and never more than {@code -Dcourse.interleavings}).
     * Fewer for calls that take java.util.concurrent locks, whose every interleaving costs the
     * model checker the lock's own reads and writes too: a few dozen find what a wrong lock does,
     * in a fraction of the time. More for a scenario whose wrong interleavings are rare.
     */
    public Interleavings atMost(int interleavings) {
        interleavingsPerScenario = Math.min(interleavings, INTERLEAVINGS_CAP);
        return this;
    }

    /** Adds a scenario of one call per thread, all at once, then {@code after} on one thread. */
    public Interleavings together(List<String> oneCallPerThread, String... after) {
        scenarios.add(new Scenario(List.of(), oneCallPerThread.stream().map(List::of).toList(), List.of(after), null));
        return this;
    }

    /**
     * Adds a scenario: the calls of {@code before} on one thread, then each list of {@code threads}
     * on a thread of its own, all at once, then the calls of {@code after} on one thread.
     */
    public Interleavings scenario(List<String> before, List<List<String>> threads, List<String> after) {
        scenarios.add(new Scenario(before, threads, after, null));
        return this;
    }

    /**
     * What the last scenario added must show, said in its own words: if that scenario breaks, the
     * failure starts with this sentence instead of the one given to {@link #check}. Scenarios
     * explored in one {@code check} share the model checker's start-up work, which is most of
     * what a small scenario costs; this keeps their failures as precise as separate checks.
     */
    public Interleavings saying(String promise) {
        Scenario last = scenarios.remove(scenarios.size() - 1);
        scenarios.add(new Scenario(last.before(), last.threads(), last.after(), promise));
        return this;
    }

    /**
     * Judges only what the calls returned or threw: an interleaving in which the model checker
     * saw the calls hang is no verdict. For code whose waits end by time (a timed wait in a loop
     * that reads the clock): the model checker does not model time, and may see such a wait
     * return at once, again and again, and call that a livelock. Real threads judge those hangs.
     * The exploration stops at such an interleaving, so judge the same promise with real threads too.
     */
    public Interleavings hangsNotJudged() {
        hangsJudged = false;
        return this;
    }

    /**
     * Explores every scenario; if one breaks, throws an {@link AssertionError} that starts with
     * {@code promise} (what the calls must do), says what they did and shows the interleaving.
     */
    public void check(String promise) {
        explored = answer;
        JdkWarnings.hiddenWhile(() -> explore(promise));
    }

    private void explore(String promise) {
        ModelCheckingOptions options = new ModelCheckingOptions()
                .iterations(0)
                .invocationsPerIteration(interleavingsPerScenario)
                .sequentialSpecification(oneAtATime)
                .minimizeFailedScenario(false);
        for (Scenario scenario : scenarios) {
            options.addCustomScenario(scenario.build(model));
        }
        try {
            options.check(model);
        } catch (LincheckAssertionError error) {
            LincheckFailure failure = error.getFailure$lincheck();
            if (!hangsJudged && isHang(failure)) {
                return; // no verdict: see hangsNotJudged()
            }
            throw new AssertionError(explain(promiseOf(failure.getScenario(), promise), failure), null);
        }
    }

    /** The promise of the scenario that broke: its own, if it was given one, or the check's. */
    private String promiseOf(ExecutionScenario broken, String promise) {
        String calls = Scenario.calls(broken);
        return scenarios.stream().filter(s -> s.promise() != null && Scenario.calls(s.build(model)).equals(calls))
                .map(Scenario::promise).findFirst().orElse(promise);
    }

    private static boolean isHang(LincheckFailure failure) {
        return failure instanceof ManagedDeadlockFailure || failure instanceof ManagedLivelockFailure
                || failure instanceof TimeoutFailure;
    }

    private String explain(String promise, LincheckFailure failure) {
        String trace = InterleavingTrace.of(failure.getTrace(), answer).render();
        return wrap(promise + "; " + whatHappened(failure))
                + "\nThe interleaving that did it (one column per thread, your lines):\n" + trace;
    }

    /** Breaks a sentence into lines of at most 100 characters, at spaces. */
    private static String wrap(String sentence) {
        StringBuilder text = new StringBuilder();
        int lineStart = 0;
        for (String word : sentence.split(" ")) {
            if (text.length() > lineStart && text.length() - lineStart + word.length() >= 100) {
                text.append('\n');
                lineStart = text.length();
            } else if (text.length() > lineStart) {
                text.append(' ');
            }
            text.append(word);
        }
        return text.toString();
    }

    private static String whatHappened(LincheckFailure failure) {
        if (failure instanceof IncorrectResultsFailure) {
            return "but in one interleaving " + results(failure)
                    + ", which no order of the same calls made one at a time gives.";
        }
        if (failure instanceof ManagedDeadlockFailure) {
            return "but in one interleaving the calls never finished: each thread waited for something"
                    + " only another waiting thread could give (a deadlock).";
        }
        if (failure instanceof ManagedLivelockFailure) {
            return "but in one interleaving the calls never finished: a thread kept spinning, waiting for"
                    + " a change that could not come while it spun (a livelock, or a wait that is never woken).";
        }
        if (failure instanceof UnexpectedExceptionFailure thrown) {
            return "but in one interleaving a call threw " + thrown.getException() + ".";
        }
        if (failure instanceof TimeoutFailure) {
            return "but in one interleaving the calls did not finish in time (a deadlock, a lost wake-up,"
                    + " or a loop that never sees its exit condition).";
        }
        return "but in one interleaving the calls went wrong: " + failure.toString().strip().lines().findFirst().orElse("");
    }

    private static String results(LincheckFailure failure) {
        ExecutionScenario scenario = failure.getScenario();
        List<String> said = new ArrayList<>();
        addResults(said, "first", scenario.getInitExecution(), failure.getResults().getInitResults());
        List<List<ResultWithClock>> parallel = failure.getResults().getParallelResultsWithClock();
        for (int thread = 0; thread < parallel.size(); thread++) {
            List<Actor> actors = scenario.getParallelExecution().get(thread);
            List<Object> results = parallel.get(thread).stream().map(r -> (Object) r.getResult()).toList();
            addResults(said, "thread " + (thread + 1), actors, results);
        }
        addResults(said, "then", scenario.getPostExecution(), failure.getResults().getPostResults());
        return String.join(", ", said);
    }

    private static void addResults(List<String> said, String who, List<Actor> actors, List<?> results) {
        for (int i = 0; i < actors.size() && i < results.size(); i++) {
            said.add(who + " " + actors.get(i).getMethod().getName() + "() " + outcome(results.get(i)));
        }
    }

    /**
     * Starts the model checker once, on a tiny counter, so that a later check finds it ready:
     * its agent loaded and its own code compiled. The watch mode's worker JVMs call it while
     * they wait for the learner's save.
     */
    public static void warmUp() {
        of(WarmUpCounter.class, WarmUpCounter.class, WarmUpCounter.class)
                .together(List.of("increment", "increment"), "get")
                .check("the warm-up counter counts");
    }

    /** The warm-up's object, its own model and its own one-at-a-time behaviour. */
    public static final class WarmUpCounter {
        private int count;

        @Operation
        public synchronized void increment() {
            count++;
        }

        @Operation
        public synchronized int get() {
            return count;
        }
    }

    /** "returned 40", or "ran" for a void method that returned normally. */
    private static String outcome(Object result) {
        return result != null && result.getClass().getSimpleName().equals("VoidResult") ? "ran" : "returned " + result;
    }

    /**
     * Calls made before the threads, by each thread, and after them, named by the model's method
     * names; and what they must show, if the scenario has a promise of its own (else null).
     */
    private record Scenario(List<String> before, List<List<String>> threads, List<String> after, String promise) {

        /** The calls of a scenario as the model checker reports them: before, each thread, after. */
        static String calls(ExecutionScenario scenario) {
            return names(scenario.getInitExecution()) + " | " + scenario.getParallelExecution().stream()
                    .map(Scenario::names).toList() + " | " + names(scenario.getPostExecution());
        }

        private static List<String> names(List<Actor> actors) {
            return actors.stream().map(actor -> actor.getMethod().getName()).toList();
        }

        ExecutionScenario build(Class<?> model) {
            return new ExecutionScenario(actors(model, before),
                    threads.stream().map(calls -> actors(model, calls)).toList(),
                    actors(model, after), null);
        }

        private static List<Actor> actors(Class<?> model, List<String> calls) {
            return calls.stream().map(call -> new Actor(method(model, call), List.of())).toList();
        }

        private static Method method(Class<?> model, String name) {
            try {
                return model.getMethod(name);
            } catch (NoSuchMethodException e) {
                throw new IllegalArgumentException(model.getSimpleName() + " has no public method " + name + "()", e);
            }
        }
    }
}
