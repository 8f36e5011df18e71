package course.deadlock.exercises;

import course.deadlock.DeadlockDetector;
import course.deadlock.WaitCycle;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The detector's promise as a property: on every wait-for graph of {@link WaitGraphs#series}
 * (a hundred and sixty small ones, and two of hundreds of threads), shown to it through a
 * {@link GraphBean}, it returns exactly the graph's cycles ({@link CycleJudge}). On the first
 * graph it gets wrong, the check looks for a smaller graph it also gets wrong, dropping threads,
 * waits and locks one at a time while the detector still fails, and names that one: the
 * threads, the true cycles, what the detector said, and what is wrong with it.
 */
final class DetectorProperty {

    static final long PER_GRAPH_MILLIS = 2_000;
    static final int SHRINK_TRIES = 2_000;
    static final long SHRINK_MILLIS = 1_500;
    static final int LINES_SHOWN = 20;

    private final Class<? extends DeadlockDetector> answer;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().name("detector under test").daemon(true).unstarted(r));

    private DetectorProperty(Class<? extends DeadlockDetector> answer) {
        this.answer = answer;
    }

    static void check(Class<? extends DeadlockDetector> answer) {
        DetectorProperty property = new DetectorProperty(answer);
        try {
            property.run(System.nanoTime());
        } finally {
            property.runner.shutdownNow();
        }
    }

    private void run(long seed) {
        GraphBean.loadTypes();                                   // the JVM's MBean server starts: not the detector's time
        List<WaitGraph> graphs = WaitGraphs.series(seed);
        for (int i = 0; i < graphs.size(); i++) {
            WaitGraph graph = graphs.get(i);
            Outcome outcome = judge(graph);
            if (outcome.problem() != null) {
                String where = "graph " + (i + 1) + " of the " + graphs.size() + " the check made, seed " + seed;
                throw new AssertionError(outcome.timedOut() ? message(graph, outcome, where)
                        : shrunk(graph, outcome, where));
            }
        }
    }

    /** What the detector said on a graph, and what is wrong with it (null if nothing). */
    private record Outcome(List<WaitCycle> said, String problem, boolean timedOut) {
    }

    private Outcome judge(WaitGraph graph) {
        CycleJudge judge = new CycleJudge(graph);
        Future<List<WaitCycle>> call = runner.submit(() -> DetectorCheck.create(answer).findCycles(GraphBean.of(graph)));
        try {
            List<WaitCycle> said = call.get(PER_GRAPH_MILLIS, TimeUnit.MILLISECONDS);
            return new Outcome(said, judge.problem(said), false);
        } catch (ExecutionException e) {
            Throwable error = e.getCause();
            return new Outcome(null, "It threw " + error + DetectorCheck.frames(error), false);
        } catch (TimeoutException e) {
            return new Outcome(null, "It had not returned after " + PER_GRAPH_MILLIS + " ms: does it follow owners"
                    + " round and round, waiting to come back to a thread that is not on the ring?", true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Drops one thing at a time from the graph, as long as the detector still gets it wrong. */
    private String shrunk(WaitGraph failing, Outcome outcome, String where) {
        WaitGraph smallest = failing;
        Outcome smallestOutcome = outcome;
        int tries = 0;
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SHRINK_MILLIS);
        boolean smaller = true;
        while (smaller && tries < SHRINK_TRIES && System.nanoTime() < end) {
            smaller = false;
            for (WaitGraph candidate : smallest.smaller()) {
                if (++tries > SHRINK_TRIES || System.nanoTime() > end) {
                    break;
                }
                Outcome candidateOutcome = judge(candidate);
                if (candidateOutcome.timedOut()) {
                    break;                                         // the runner is stuck: keep what we have
                }
                if (candidateOutcome.problem() != null) {
                    smallest = candidate;
                    smallestOutcome = candidateOutcome;
                    smaller = true;
                    break;
                }
            }
        }
        String origin = smallest.size() < failing.size() ? "cut down from the " + failing.size() + " threads of "
                + where + ", to a graph it still gets wrong" : where;
        return message(smallest, smallestOutcome, origin);
    }

    private static String message(WaitGraph graph, Outcome outcome, String origin) {
        CycleJudge judge = new CycleJudge(graph);
        return "On a wait-for graph of " + graph.size() + " threads (" + origin + "), shown to the detector by the"
                + " ThreadMXBean it was given:\n"
                + graph.describe(LINES_SHOWN) + "\n"
                + "The truth: " + graph.truth() + ".\n"
                + (outcome.timedOut() || outcome.problem().startsWith("It threw") ? ""
                : "The detector returned " + judge.said(outcome.said()) + ".\n")
                + outcome.problem();
    }
}
