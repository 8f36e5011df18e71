package course.cpuio.exercises;

import course.cpuio.ProcessRunner;
import course.cpuio.RunReport;
import course.cpuio.WorkerFailedException;
import course.kit.Workers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The checks of exercise cpuio.runner, for any {@link ProcessRunner} class with a no-argument
 * constructor. The workers are real JVMs running {@link TestWorker}, each told what to write on
 * which stream and how to exit: workers that write megabytes (a runner that does not read both
 * streams while they run waits for ever), that end their result with {@code \r\n} or with no line
 * break at all, with a blank line before it or two words in it, that write on their error stream
 * and still succeed, that print their result and then exit with an error, that print the right
 * number but not last, or twice on one line. Which worker does what is
 * drawn anew on every run. Among the failed workers is the article's accident retold: a child
 * that cannot find the code it was sent to run, and dies at start-up.
 */
final class RunnerCheck {

    /** A line about a failed worker longer than this is not a line: it holds the worker's output. */
    static final int LONGEST_LINE = 2_000;
    static final long MEET_PATIENCE_MILLIS = 2_000;
    /** What the filler lines of a chatty worker say: text a line about a failed worker has no reason to hold. */
    static final String FILLER = "a filler line";

    private RunnerCheck() {
    }

    static void all(Class<? extends ProcessRunner> answer) {
        runsNoWorkers(answer);
        reportsEveryResult(answer);
        refusesEveryFailedWorker(answer);
        reportsResultsAndTime(answer);
    }

    /** No workers: nothing failed, nothing to report but an empty list and a time. */
    static void runsNoWorkers(Class<? extends ProcessRunner> answer) {
        try (WorkerRun run = new WorkerRun(List.of())) {
            long start = System.nanoTime();
            WorkerRun.Outcome outcome = run.call(answer);
            long callMillis = (System.nanoTime() - start) / 1_000_000;
            if (outcome.thrown() != null) {
                throw new AssertionError("runAll threw " + outcome.thrown() + " for an empty list of workers: no"
                        + " worker, no failure. Return a RunReport with no results (and the time the nothing took)",
                        outcome.thrown());
            }
            RunReport report = outcome.report();
            if (report == null || !report.results().isEmpty() || report.wallTime() == null
                    || report.wallTime().isNegative() || report.wallTime().toMillis() > callMillis + 50) {
                throw new AssertionError("runAll returned " + report + " for an empty list of workers: expected a"
                        + " RunReport with no results and a time between 0 and the " + callMillis + " ms the call took");
            }
        }
    }

    /**
     * Six workers that all do their work, each in its own way: the results, in worker order.
     * The first and the last each wait for the other to be running, so they succeed only if
     * every worker was started before the runner waited for any.
     */
    static void reportsEveryResult(Class<? extends ProcessRunner> answer) {
        Random random = new Random();
        List<String> results = distinctNumbers(random, 4);
        List<WorkerPlan> middle = new ArrayList<>(List.of(
                good("count", "1229", "counts the primes below 10000 and prints 1229", "count=0:10000"),
                good("chatty", results.get(0), "prints 1 MB on its standard output, then 1 MB on its error stream,"
                        + " then its result with \\r\\n, as on Windows, and exits with status 0", "out-kb=1024",
                        "err-kb=1024", "out=" + results.get(0) + "\\r\\n"),
                good("bare", results.get(1), "prints " + results.get(3) + ", a blank line and another line, then"
                        + " its result " + results.get(1) + " with no line break after it", "out=" + results.get(3)
                        + "\\n\\nworking...\\n", "out=" + results.get(1)),
                good("warns", results.get(2) + " primes", "prints its result \"" + results.get(2) + " primes\" (two"
                        + " words) and two blank lines, then a warning on its error stream, and exits with status 0",
                        "out=" + results.get(2) + " primes\\n\\n   \\n", "err=warning: low on coffee\\n")));
        Collections.shuffle(middle, random);
        List<WorkerPlan> plans = new ArrayList<>();
        plans.add(good("meet-first", "met", "waits for the last worker to be running, then prints met",
                "meet=PARTNER:" + MEET_PATIENCE_MILLIS));
        plans.addAll(middle);
        plans.add(good("meet-last", "met", "waits for the first worker to be running, then prints met",
                "meet=PARTNER:" + MEET_PATIENCE_MILLIS));
        plans = named(plans);
        plans = partnered(plans);
        try (WorkerRun run = new WorkerRun(plans)) {
            WorkerRun.Outcome outcome = run.call(answer);
            if (run.hasFile(plans.getFirst().name() + ".alone")) {
                throw new AssertionError("the first and the last of " + plans.size() + " workers each wait up to "
                        + MEET_PATIENCE_MILLIS + " ms for the other to be running, and they never ran at the same"
                        + " time: start every process first, then wait for them; a loop that starts one and waits"
                        + " for it before starting the next runs the workers one after another");
            }
            if (outcome.thrown() instanceof WorkerFailedException refusal) {
                throw new AssertionError("runAll refused a run in which every worker did its work (exit status 0,"
                        + " its expected result on the last line of its standard output). It said: "
                        + shortened(refusal.problems()) + blamed(plans, refusal.problems()) + ". A worker's result is"
                        + " the last line of its standard output that is not blank, without the white space around"
                        + " it (a line may end with \\r\\n, and the last may have no line break at all); what a"
                        + " worker writes on its error stream is not its result, and no failure by itself",
                        refusal);
            }
            if (outcome.thrown() != null) {
                throw new AssertionError("runAll threw " + outcome.thrown() + " for " + plans.size() + " workers"
                        + " that all did their work", outcome.thrown());
            }
            expectResults(plans, outcome.report());
        }
    }

    /**
     * Seven workers, five of which fail in five ways (a crash at start-up, an error status after
     * the right result, the right number printed but not last, nothing printed at all, the
     * right number printed twice on one line: a line that holds the result but is not it), in
     * places drawn at random: the refusal names each of them, in one line each that says what
     * went wrong (the last line of the error output that is not blank, stripped, not what came before
     * it), and no other worker.
     */
    static void refusesEveryFailedWorker(Class<? extends ProcessRunner> answer) {
        Random random = new Random();
        int status = List.of(2, 3, 42, 99, 125).get(random.nextInt(5));
        List<String> numbers = distinctNumbers(random, 6);
        String lastError = "gave up: no space left on device";
        // tag::failed-workers[]
        List<WorkerPlan> plans = new ArrayList<>(List.of(
                WorkerPlan.failing("crashed", "1229", "a JVM started with a class path that does not hold its main"
                        + " class, as the article's children were", "exited with status 1 at start-up, before doing"
                        + " any work", List.of("1", "PrimeWorker"), "crash"),
                WorkerPlan.failing("failed-late", numbers.get(0), "prints its right result " + numbers.get(0)
                        + ", then 256 KB on its error stream ending with \"" + lastError + "\" (its line ends with"
                        + " \\r\\n, and a blank line follows), and exits with status " + status, "exited with status "
                        + status, List.of(String.valueOf(status), lastError), "out=" + numbers.get(0) + "\\n",
                        "err-kb=256", "err=" + lastError + "\\r\\n\\n", "exit=" + status),
                WorkerPlan.failing("not-last", numbers.get(1), "prints its expected result " + numbers.get(1)
                        + " and then " + numbers.get(2), "printed " + numbers.get(2) + " on its last line",
                        List.of(numbers.get(2)), "out=" + numbers.get(1) + "\\n" + numbers.get(2) + "\\n"),
                WorkerPlan.failing("silent", numbers.get(3), "prints nothing at all, and exits with status 0",
                        "printed nothing", List.of()),
                WorkerPlan.failing("doubled", numbers.get(5), "prints its result twice with no line break between, "
                        + numbers.get(5) + numbers.get(5) + ", and exits with status 0", "printed " + numbers.get(5)
                        + numbers.get(5) + ", which holds its result but is not it", List.of(numbers.get(5)
                        + numbers.get(5)), "out=" + numbers.get(5) + numbers.get(5) + "\\n"),
                good("warns", numbers.get(4), "prints a warning on its error stream, then its result with \\r\\n,"
                        + " and exits with status 0", "err=warning: disk almost full\\n", "out=" + numbers.get(4) + "\\r\\n"),
                good("count", "1033", "counts the primes in [10000, 20000) and prints 1033", "count=10000:20000")));
        Collections.shuffle(plans, random);                     // which worker fails is drawn anew each run
        // end::failed-workers[]
        plans = named(plans);
        try (WorkerRun run = new WorkerRun(plans)) {
            WorkerRun.Outcome outcome = run.call(answer);
            List<WorkerPlan> failed = plans.stream().filter(WorkerPlan::fails).toList();
            if (outcome.report() != null) {
                throw new AssertionError("runAll reported a time of " + outcome.report().wallTime().toMillis() + " ms"
                        + " and the results " + outcome.report().results() + ", but " + failed.size() + " of its "
                        + plans.size() + " workers failed: " + String.join("; ", failed.stream().map(p -> p.described()
                        + " " + p.failure()).toList()) + ". That is how the article measured \"18.59x\": the time of"
                        + " processes that died at start-up. Check every exit status and every result before"
                        + " reporting a time, and throw WorkerFailedException if any is wrong");
            }
            if (!(outcome.thrown() instanceof WorkerFailedException refusal)) {
                throw new AssertionError("runAll threw " + outcome.thrown() + " when " + failed.size() + " workers"
                        + " failed: it should throw WorkerFailedException, with one line per failed worker",
                        outcome.thrown());
            }
            expectOneLinePerFailure(plans, refusal.problems());
        }
    }

    /**
     * Three good workers: their results, in order, and a time that covers the slowest of them.
     * The first one, "gated", runs until the check lets it go: the check waits until it has
     * started and the two others have finished, waits as long again as all that took plus
     * 100 ms, and only then lets it finish. A clock that ran until the last exit saw all of that
     * wait; a clock stopped once the processes were started saw none of it, however slowly the
     * machine started them. And "gated", first in the list, finishes last: its result comes
     * first only if the results are in worker order, not in the order the workers finished.
     */
    static void reportsResultsAndTime(Class<? extends ProcessRunner> answer) {
        List<WorkerPlan> plans = List.of(
                good("gated", "done", "held by the check until the others have finished, then prints done", "gate",
                        "out=done\\n"),
                good("counter-1", "1229", "counts the primes below 10000", "count=0:10000"),
                good("counter-2", "1033", "counts the primes in [10000, 20000)", "count=10000:20000"));
        AtomicLong heldMillis = new AtomicLong();
        long start = System.nanoTime();
        try (WorkerRun run = new WorkerRun(plans); Workers gatekeeper = Workers.named("runner-gate")) {
            gatekeeper.start("runner-gate", () -> holdTheGate(run, start, heldMillis));
            WorkerRun.Outcome outcome;
            try {
                outcome = run.call(answer);
            } finally {
                run.createFile("gated.go");
            }
            long callMillis = (System.nanoTime() - start) / 1_000_000;
            if (outcome.thrown() != null) {
                throw new AssertionError("runAll threw " + outcome.thrown() + " for three workers that all did their"
                        + " work (exit status 0, the expected result printed)", outcome.thrown());
            }
            expectResults(plans, outcome.report());
            long wallMillis = outcome.report().wallTime().toMillis();
            if (wallMillis < heldMillis.get()) {
                throw new AssertionError("runAll reported a wall time of " + wallMillis + " ms, but the worker"
                        + " \"gated\" alone ran for more than " + heldMillis.get() + " ms after it started: the clock"
                        + " must stop when the last worker has exited, not when the last one was started");
            }
            if (wallMillis > callMillis + 50) {
                throw new AssertionError("runAll reported a wall time of " + wallMillis + " ms, but the call itself"
                        + " took " + callMillis + " ms: measure with System.nanoTime() from the first start to the"
                        + " last exit");
            }
        }
    }

    /** Waits for "gated" to start and the counters to finish, holds it as long again as that took plus 100 ms, then lets it go. */
    private static void holdTheGate(WorkerRun run, long start, AtomicLong heldMillis) {
        long end = System.nanoTime() + WorkerRun.HANG_LIMIT.toNanos();
        while (!(run.hasFile("gated.started") && run.hasFile("counter-1.finished") && run.hasFile("counter-2.finished"))
                && System.nanoTime() < end) {
            NewThreads.sleepOneMilli();
        }
        long seen = System.nanoTime();
        try {
            Thread.sleep((seen - start) / 1_000_000 + 100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        heldMillis.set((System.nanoTime() - seen) / 1_000_000);
        run.createFile("gated.go");
    }

    // ---- what a right runner reports ----

    /** The report holds every worker's result, in worker order. */
    private static void expectResults(List<WorkerPlan> plans, RunReport report) {
        List<String> expected = plans.stream().map(WorkerPlan::expected).toList();
        if (report == null || report.results() == null || report.wallTime() == null) {
            throw new AssertionError("runAll returned " + report + " for " + plans.size() + " workers that all did"
                    + " their work: expected a RunReport with a time and the results " + expected);
        }
        List<String> results = report.results();
        if (results.equals(expected)) {
            return;
        }
        if (results.size() == expected.size() && new java.util.HashSet<>(results).equals(new java.util.HashSet<>(expected))) {
            throw new AssertionError("runAll reported the results " + results + ", but in worker order they are "
                    + expected + ": they are all there, but not in worker order. Report the results in the order of"
                    + " the workers, not in the order they finished");
        }
        if (results.size() != expected.size()) {
            throw new AssertionError("runAll reported " + results.size() + " results for " + plans.size()
                    + " workers: " + shortened(results) + ". Expected one per worker, in worker order: " + expected);
        }
        for (int i = 0; i < plans.size(); i++) {
            if (!expected.get(i).equals(results.get(i))) {
                throw new AssertionError("runAll reported \"" + shortened(results.get(i)) + "\" as the result of worker "
                        + plans.get(i).described() + ", but its result is " + expected.get(i) + " (all results: "
                        + shortened(results) + "). A worker's result is the last line of its standard output that"
                        + " is not blank, without the white space around it");
            }
        }
    }

    /** Exactly one line per failed worker, naming it, saying what went wrong; no line about a good worker. */
    private static void expectOneLinePerFailure(List<WorkerPlan> plans, List<String> problems) {
        List<WorkerPlan> failed = plans.stream().filter(WorkerPlan::fails).toList();
        for (WorkerPlan plan : plans) {
            List<String> lines = problems.stream().filter(p -> p.contains(plan.name())).toList();
            if (!plan.fails() && !lines.isEmpty()) {
                throw new AssertionError("the WorkerFailedException names " + plan.described() + ", which did its"
                        + " work: " + shortened(lines) + ". Name only the workers that failed");
            }
            if (plan.fails() && lines.isEmpty()) {
                throw new AssertionError("the WorkerFailedException does not name the worker " + plan.described()
                        + ", which " + plan.failure() + " (it says: " + shortened(problems) + "). Check every"
                        + " worker, and name every one that failed: its exit status, or its result");
            }
            if (plan.fails() && lines.size() > 1) {
                throw new AssertionError("the WorkerFailedException has " + lines.size() + " lines about the worker "
                        + plan.described() + ": " + shortened(lines) + ". Give one line per failed worker, with"
                        + " all that went wrong with it");
            }
        }
        if (problems.size() != failed.size()) {
            throw new AssertionError("the WorkerFailedException has " + problems.size() + " lines for " + failed.size()
                    + " failed workers: " + shortened(problems) + ". Give one line per failed worker, naming it");
        }
        for (WorkerPlan plan : failed) {
            String line = problems.stream().filter(p -> p.contains(plan.name())).findFirst().orElseThrow();
            if (line.length() <= LONGEST_LINE && !line.contains("\n") && line.contains("\r")) {
                throw new AssertionError("the WorkerFailedException's line about the worker " + plan.described()
                        + " holds a carriage return (\\r): \"" + shortened(line).replace("\r", "\\r") + "\". Take"
                        + " the last line of its error output that is not blank, without the white space around it"
                        + " (lines may end with \\r\\n)");
            }
            if (line.length() > LONGEST_LINE || line.contains("\n") || line.contains("\r")) {
                throw new AssertionError("the WorkerFailedException's line about the worker " + plan.described()
                        + " is " + (line.contains("\n") ? "more than one line" : "one line") + " of "
                        + String.format("%,d", line.length()) + " characters: \"" + shortened(line) + "\". Say"
                        + " what went wrong in one line: the exit status and the last line of the error output,"
                        + " not all of it (a worker may write megabytes)");
            }
            if (line.contains(FILLER)) {
                throw new AssertionError("the WorkerFailedException's line about the worker " + plan.described()
                        + " holds lines of its error output from before the last one: \"" + shortened(line) + "\"."
                        + " Say what went wrong with the last line of the error output alone (it says why), not a"
                        + " piece of what came before it");
            }
            for (String mention : plan.mustMention()) {
                if (!Pattern.compile("(?<![\\w-])" + Pattern.quote(mention) + "(?![\\w-])").matcher(line).find()) {
                    throw new AssertionError("the WorkerFailedException's line about the worker " + plan.described()
                            + " is \"" + shortened(line) + "\", which does not say \"" + mention + "\". The worker "
                            + plan.failure() + ": for a worker that exited with a status other than 0, give that"
                            + " status and the last line of its error output (it says why); for a wrong result,"
                            + " give the result it printed");
                }
            }
        }
    }

    // ---- helpers ----

    private static WorkerPlan good(String name, String expected, String does, String... steps) {
        return WorkerPlan.good(name, expected, does, steps);
    }

    /** Names the workers by place and kind, "w03-chatty-err": no name is part of another. */
    private static List<WorkerPlan> named(List<WorkerPlan> plans) {
        List<WorkerPlan> named = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            WorkerPlan p = plans.get(i);
            String name = String.format("w%02d-%s", i, p.name());
            named.add(new WorkerPlan(name, p.does(), p.steps(), p.expected(), p.failure(), p.mustMention()));
        }
        return named;
    }

    /** Points the first worker's and the last worker's meet steps at each other. */
    private static List<WorkerPlan> partnered(List<WorkerPlan> plans) {
        List<WorkerPlan> partnered = new ArrayList<>(plans);
        WorkerPlan first = plans.getFirst();
        WorkerPlan last = plans.getLast();
        partnered.set(0, withPartner(first, last.name()));
        partnered.set(plans.size() - 1, withPartner(last, first.name()));
        return partnered;
    }

    private static WorkerPlan withPartner(WorkerPlan plan, String partner) {
        return new WorkerPlan(plan.name(), plan.does(), plan.steps().stream().map(s -> s.replace("PARTNER", partner))
                .toList(), plan.expected(), plan.failure(), plan.mustMention());
    }

    private static List<String> distinctNumbers(Random random, int count) {
        return random.ints(10_000, 100_000).distinct().limit(count).mapToObj(String::valueOf).toList();
    }

    /** Which workers a refusal blamed, and what they did. */
    private static String blamed(List<WorkerPlan> plans, List<String> problems) {
        List<String> named = plans.stream().filter(p -> problems.stream().anyMatch(l -> l.contains(p.name())))
                .map(WorkerPlan::described).toList();
        return named.isEmpty() ? "" : " (it blamed " + String.join(", ", named) + ")";
    }

    private static String shortened(List<String> lines) {
        return "[" + String.join(", ", lines.stream().limit(4).map(RunnerCheck::shortened).toList())
                + (lines.size() > 4 ? ", ..." : "") + "]";
    }

    private static String shortened(String text) {
        String oneLine = text.replace("\r", "\\r").replace("\n", "\\n");
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
    }
}
