package course.kit.watch;

import course.kit.ExerciseInfo;
import course.kit.ExerciseRegister;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The watch mode's loop: waits for a save or a key, and on a save checks the exercise whose file
 * was saved (or the one shown) in a fresh worker JVM, shows the verdict, and moves on to the next
 * unsolved exercise when it passes.
 *
 * <p>A check: the module's exercise sources are compiled into the waiting worker's class
 * directory (a compile error is shown as javac says it, and runs nothing); the worker runs the
 * exercise's test class, and is thrown away; the next workers warm up while the learner reads.
 */
final class WatchSession implements AutoCloseable {

    /** What the learner did. */
    sealed interface Event {
        record Saved(Path file) implements Event { }
        record Key(String line) implements Event { }
    }

    /** A test's own limit (the kit's default timeout, 10 s) and a margin, before its JVM counts as hung. */
    static final Duration PER_TEST = Duration.ofSeconds(15);
    private static final Duration WORKER_START_LIMIT = Duration.ofSeconds(60);
    /** {@code -Dcourse.watch.timings}: each run notes how long the compile, the wait for the worker and the run took. */
    private static final boolean TIMINGS = Boolean.getBoolean("course.watch.timings");
    private static final int SPARES = Math.max(1, Integer.getInteger("course.watch.spares", 2));
    /** How long the watcher must have been idle before it starts another spare worker. */
    private static final Duration IDLE = Duration.ofMillis(200);

    private final Path courseRoot;
    private final List<WatchedModule> modules;
    private final String java;
    private final ExerciseRegister register = ExerciseRegister.load();
    private final LearnerCompiler compiler;
    private final Screen screen;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Map<String, Map<String, String>> testClasses = new HashMap<>();
    private final SaveWatcher saves;
    /**
     * The worker JVMs waiting for a run, all of {@link #spareModule}, oldest first: the first is the
     * next run's. Once it is ready and the watcher is idle, a second one starts warming up (up to
     * {@code -Dcourse.watch.spares}, 2), so that a save that comes soon after a run still finds a
     * worker ready.
     */
    private final Deque<WorkerJvm> spares = new ArrayDeque<>();
    private WatchedModule spareModule;
    private ExerciseInfo current;
    private int runs;
    private int workers;

    /**
     * Watches {@code modules} (in course order) under {@code courseRoot}; workers run on
     * {@code java}; the screen goes to {@code out}; {@code poll}: look for saves without asking
     * the file system for events.
     */
    WatchSession(Path courseRoot, List<WatchedModule> modules, String java, PrintStream out, boolean poll) {
        this.courseRoot = courseRoot;
        this.modules = modules;
        this.java = java;
        this.compiler = new LearnerCompiler(courseRoot);
        this.screen = new Screen(out, courseRoot, register, modules.stream().map(WatchedModule::name).toList());
        this.saves = new SaveWatcher(modules.stream().map(WatchedModule::starterRoot).toList(),
                modules.get(0).watchDir(), poll, file -> events.add(new Event.Saved(file)));
        screen.howSavesAreSeen(saves.how());
    }

    /** A key line typed by the learner. */
    void typed(String line) {
        events.add(new Event.Key(line.strip()));
    }

    /** Checks the first unsolved exercise, then follows the learner's saves and keys until {@code q}. */
    void run() throws InterruptedException {
        Optional<ExerciseInfo> first = firstUnsolved();
        if (first.isEmpty()) {
            current = exercises().get(0);
            screen.allSolved("Every exercise watched here is solved. Save an exercise file to check it again.");
        } else {
            show(first.get());
            check();
        }
        while (true) {
            Event event = events.poll(IDLE.toMillis(), TimeUnit.MILLISECONDS);
            if (event == null) {
                addSpareIfIdle();
            } else if (event instanceof Event.Saved saved) {
                show(exerciseOf(saved.file()).orElse(current));
                events.removeIf(Event.Saved.class::isInstance); // one check for saves that came together
                check();
            } else if (event instanceof Event.Key key && !onKey(key.line())) {
                return;
            }
        }
    }

    /** Acts on a key; false when the learner quits. */
    private boolean onKey(String key) throws InterruptedException {
        switch (key.isEmpty() ? ' ' : Character.toLowerCase(key.charAt(0))) {
            case 'q' -> {
                return false;
            }
            case 'h' -> screen.toggleHint();
            case 'l' -> screen.toggleList();
            case 'r' -> check();
            default -> screen.draw();
        }
        return true;
    }

    private void show(ExerciseInfo exercise) {
        current = exercise;
        screen.exercise(exercise, "");
    }

    /** Checks the current exercise, and each next one while they pass. */
    private void check() throws InterruptedException {
        while (checkCurrent()) {
            Optional<ExerciseInfo> next = firstUnsolved();
            if (next.isEmpty()) {
                screen.exercise(current, current.id() + " passes. " + (modules.size() == 1
                        ? "All exercises of " + current.module() + " are solved. Next module: " + nextModule()
                        : "All " + register.all().size() + " exercises of the course are solved. Well played."));
                screen.draw();
                return;
            }
            String passed = current.id() + " passes. On to the next exercise: " + next.get().id() + ".";
            current = next.get();
            screen.exercise(current, passed);
        }
    }

    /**
     * Runs the current exercise's checks and shows the verdict; true if it passed. The learner's
     * files are compiled into the spare worker's class directory while it may still be warming up
     * (it loads no class of the module before it is told to run); a compile error runs nothing and
     * keeps the spare for the next save.
     */
    private boolean checkCurrent() throws InterruptedException {
        int run = ++runs;
        WatchedModule module = moduleOf(current);
        screen.verdict(run, "checking ...", "");
        long start = System.nanoTime();
        WorkerJvm spare = nextSpare(module);
        Optional<String> errors = compiler.compile(module, spare.learnerClasses());
        long compiled = System.nanoTime();
        if (errors.isPresent()) {
            spare.clearLearnerClasses();
            screen.verdict(run, "DOES NOT COMPILE", errors.get());
            return false;
        }
        WorkerJvm worker = readySpare(module);
        if (worker == null) { // a newer save came while the worker warmed up: it stays a spare, for that one
            spares.getFirst().clearLearnerClasses();
            screen.verdict(run, "stopped: a newer save came", "");
            return false;
        }
        long ready = System.nanoTime();
        spares.remove(worker);
        try {
            WorkerJvm.Outcome outcome = worker.run(testClassOf(current), current.id(), PER_TEST, this::runOvertaken);
            if (TIMINGS) {
                noteTimings(module, run, outcome, millis(compiled - start), millis(ready - compiled),
                        millis(System.nanoTime() - ready));
            }
            return showVerdict(run, outcome);
        } finally {
            worker.close();
            nextSpare(module);
        }
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }

    /** One line of {@code timings.log} in the module's watch directory: what a run's time went to. */
    private void noteTimings(WatchedModule module, int run, WorkerJvm.Outcome outcome, long compile, long wait,
                             long test) {
        String line = String.format(Locale.ROOT, "run %d %s %s compile %d ms, wait for the worker %d ms, run %d ms%n",
                run, current.id(), outcome.getClass().getSimpleName(), compile, wait, test);
        try {
            Files.writeString(module.watchDir().resolve("timings.log"), line, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Shows how the run ended, records a run the worker could not record, and says if it passed. */
    private boolean showVerdict(int run, WorkerJvm.Outcome outcome) {
        LearnerRecord record = LearnerRecord.in(moduleOf(current).dir());
        switch (outcome) {
            case WorkerJvm.Outcome.Passed passed -> screen.verdict(run, "PASSED", "Every check of " + current.id() + " passes.");
            case WorkerJvm.Outcome.Failed failed when failed.failure().couldNotJudge() ->
                    screen.verdict(run, "COULD NOT JUDGE (" + failed.failure().test() + ")", failed.failure().whatWentWrong());
            case WorkerJvm.Outcome.Failed failed ->
                    screen.verdict(run, "NOT YET (" + failed.failure().test() + ")", failed.failure().whatWentWrong());
            case WorkerJvm.Outcome.Hung hung -> {
                record.write(current.id(), false);
                screen.verdict(run, "NOT YET (" + hung.test() + " never finished)", "The test ran past its limit ("
                        + hung.limit().toSeconds() + " s: its own timeout of 10 s, and a margin), so its JVM was"
                        + " stopped, with every thread your code left stuck in it. Your code hangs or spins: a"
                        + " deadlock, a lost wake-up, or a loop that never sees its exit condition.");
            }
            case WorkerJvm.Outcome.Crashed crashed -> {
                record.write(current.id(), false);
                screen.verdict(run, "NO VERDICT", crashed.why());
            }
            case WorkerJvm.Outcome.Cancelled cancelled -> screen.verdict(run, "stopped: a newer save came", "");
        }
        return outcome instanceof WorkerJvm.Outcome.Passed;
    }

    /** A save, a re-run or a quit that came during a run makes the run pointless. */
    private boolean runOvertaken() {
        return events.stream().anyMatch(e -> e instanceof Event.Saved
                || e instanceof Event.Key key && (key.line().startsWith("q") || key.line().startsWith("r")));
    }

    /**
     * Waits until the next spare worker of {@code module} (the learner's classes compiled into it)
     * is ready, and returns it; if it died or took too long, the one after it (or a new one), with
     * the classes compiled again. Null if a newer save (or a re-run, or quit) came first.
     */
    private WorkerJvm readySpare(WatchedModule module) throws InterruptedException {
        for (int attempt = 0; attempt < 2; attempt++) {
            WorkerJvm spare = spares.getFirst();
            switch (spare.awaitReady(WORKER_START_LIMIT, this::runOvertaken)) {
                case READY -> {
                    return spare;
                }
                case DROPPED -> {
                    return null;
                }
                case FAILED -> {
                    spares.removeFirst().close();
                    compiler.compile(module, nextSpare(module).learnerClasses());
                }
            }
        }
        throw new IllegalStateException("no worker JVM of " + module.name() + " got ready: see "
                + module.watchDir().resolve("runs"));
    }

    /** The worker the next run of {@code module} gets: the oldest spare, started now if there is none. */
    private WorkerJvm nextSpare(WatchedModule module) {
        if (!module.equals(spareModule)) {
            closeSpares();
            spareModule = module;
        }
        if (spares.isEmpty()) {
            startSpare();
        }
        return spares.getFirst();
    }

    /** While the learner reads: one more spare, if every spare is ready and there are fewer than {@link #SPARES}. */
    private void addSpareIfIdle() {
        if (spareModule != null && spares.size() < SPARES && spares.stream().allMatch(WorkerJvm::isReady)) {
            startSpare();
        }
    }

    private void startSpare() {
        spares.addLast(WorkerJvm.start(spareModule, java,
                spareModule.watchDir().resolve("runs").resolve(ProcessHandle.current().pid() + "-" + (++workers))));
    }

    private void closeSpares() {
        spares.forEach(WorkerJvm::close);
        spares.clear();
    }

    private Optional<ExerciseInfo> firstUnsolved() {
        return exercises().stream()
                .filter(e -> !LearnerRecord.in(moduleOf(e).dir()).passed(e.id())).findFirst();
    }

    private List<ExerciseInfo> exercises() {
        List<String> names = modules.stream().map(WatchedModule::name).toList();
        return register.all().stream().filter(e -> names.contains(e.module())).toList();
    }

    private Optional<ExerciseInfo> exerciseOf(Path file) {
        return exercises().stream()
                .filter(e -> courseRoot.resolve(e.starterPath()).toAbsolutePath().normalize()
                        .equals(file.toAbsolutePath().normalize()))
                .findFirst();
    }

    private WatchedModule moduleOf(ExerciseInfo exercise) {
        return modules.stream().filter(m -> m.name().equals(exercise.module())).findFirst().orElseThrow();
    }

    private String testClassOf(ExerciseInfo exercise) {
        WatchedModule module = moduleOf(exercise);
        String test = testClasses.computeIfAbsent(module.name(), name -> module.exerciseTests()).get(exercise.id());
        if (test == null) {
            throw new IllegalStateException("no test class of " + module.name() + " is marked @Exercise(\""
                    + exercise.id() + "\")");
        }
        return test;
    }

    private String nextModule() {
        List<String> all = register.modules();
        int next = all.indexOf(current.module()) + 1;
        return next < all.size() ? all.get(next) + " (" + mavenCommand() + " -Pwatch -pl " + all.get(next) + ")"
                : "none, the course is done";
    }

    private String mavenCommand() {
        String home = modules.get(0).mavenHome().replace('\\', '/');
        return home.isEmpty() || home.contains("/wrapper/") ? "./mvnw" : "mvn";
    }

    @Override
    public void close() {
        saves.close();
        closeSpares();
    }
}
