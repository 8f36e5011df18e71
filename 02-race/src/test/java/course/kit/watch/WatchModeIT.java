package course.kit.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives the watch mode through a learner's saves and reads its screen after each: a save that
 * fixes an exercise, a save that breaks it again, an answer that deadlocks with a monitor held,
 * a compile error, and a save that fixes it. It lives in 02-race because it needs a lesson's
 * compiled tests; it works on a copy of 02-race's starter files, never on the learner's.
 */
class WatchModeIT {

    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final String EXERCISES = "src/exercises/java/course/race/exercises/";
    private static final String SOLUTIONS = "src/solutions/java/course/race/exercises/";
    private static final Duration VERDICT_LIMIT = Duration.ofSeconds(60);
    /** The headline of a run under way. */
    private static final String CHECKING = "): checking ...";

    @TempDir
    Path courseRoot;

    private Path copy;
    private final ByteArrayOutputStream screens = new ByteArrayOutputStream();
    private WatchSession session;
    private Thread loop;

    @BeforeEach
    void copyTheStarterFiles() throws IOException {
        copy = courseRoot.resolve("02-race");
        copyTree(MODULE.resolve("src/exercises/java"), copy.resolve("src/exercises/java"));
    }

    /** Starts the watcher on the copy; {@code poll}: as where the file system reports no change. */
    private void startWatching(boolean poll) {
        WatchedModule module = new WatchedModule("02-race", copy, testClassPath(),
                List.of("-XX:+UseSerialGC", "-XX:-UsePerfData"), "", "21");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        session = new WatchSession(courseRoot, List.of(module), java,
                new PrintStream(screens, true, StandardCharsets.UTF_8), poll);
        loop = new Thread(() -> {
            try {
                session.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "watch-session");
        loop.start();
    }

    @AfterEach
    void quit() throws InterruptedException {
        if (session == null) {
            return;
        }
        session.typed("q");
        loop.join(TimeUnit.SECONDS.toMillis(30));
        loop.interrupt();
        session.close();
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList())
                .as("worker JVMs left running").isEmpty();
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void followsTheLearnersSaves() throws Exception {
        startWatching(false);
        String first = awaitScreen(s -> s.contains("Run 1 ") && s.contains("NOT YET"));
        assertThat(first).contains("Exercise race.counter (02-race, 1 of 3)", "Edit: " + "02-race/" + EXERCISES
                + "SafeCounter.java", "increments made at once on a new counter must all count", "02-race        [...] 0 of 3 solved", "h hint", "l list",
                "r run again", "q quit").doesNotContain("Hint:");

        session.typed("h");
        assertThat(awaitScreen(s -> s.contains("Hint:"))).contains("Hint: Make the read, the add and the write");

        save("SafeCounter.java", Files.readString(MODULE.resolve(SOLUTIONS + "SafeCounter.java")));
        String fixed = awaitScreen(s -> s.contains("race.counter passes. On to") && s.contains("Run 3 ")
                && !s.contains(CHECKING));
        assertThat(fixed).contains("Exercise race.withdraw (02-race, 2 of 3)", "02-race        [#..] 1 of 3 solved");
        assertThat(record()).containsEntry("race.counter", "passed");

        save("SafeCounter.java", Files.readString(MODULE.resolve(EXERCISES + "SafeCounter.java")));
        String broken = awaitScreen(s -> s.contains("Run 4 ") && !s.contains(CHECKING));
        assertThat(broken).contains("Exercise race.counter", "NOT YET", "increments made at once on a new counter must all count", "[...] 0 of 3 solved");
        assertThat(record()).containsEntry("race.counter", "failed");

        save("Account.java", account("""
                synchronized (this) {
                    Thread other = new Thread(() -> { synchronized (this) { } });
                    other.start();
                    try { other.join(); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
                }
                return false;
                """));
        String deadlocked = awaitScreen(s -> s.contains("Run 5 ") && !s.contains(CHECKING));
        assertThat(deadlocked).contains("Exercise race.withdraw", "NOT YET", "hangs or spins");
        assertThat(record()).containsEntry("race.withdraw", "failed");

        save("Account.java", account("return vault.balance() >= amount  // no semicolon\n"));
        String notCompiled = awaitScreen(s -> s.contains("Run 6 ") && !s.contains(CHECKING));
        assertThat(notCompiled).contains("DOES NOT COMPILE", "02-race/" + EXERCISES + "Account.java:", "error: ';' expected")
                .doesNotContain("What went wrong", "hangs or spins");

        save("Account.java", account("System.exit(3);\nreturn false;\n"));
        String crashed = awaitScreen(s -> s.contains("Run 7 ") && !s.contains(CHECKING));
        assertThat(crashed).contains("Exercise race.withdraw", "NO VERDICT", "the test JVM ended without a verdict");
        assertThat(record()).containsEntry("race.withdraw", "failed");

        save("Account.java", Files.readString(MODULE.resolve(SOLUTIONS + "Account.java")));
        String passed = awaitScreen(s -> s.contains("race.withdraw passes. On to") && !s.contains(CHECKING));
        assertThat(passed).contains("On to the next exercise: race.counter", "Exercise race.counter (02-race, 1 of 3)",
                "02-race        [.#.] 1 of 3 solved");
        assertThat(record()).containsEntry("race.withdraw", "passed");
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void looksForSavesItselfWhereTheFileSystemReportsNone() throws Exception {
        startWatching(true);
        assertThat(awaitScreen(s -> s.contains("Run 1 ") && s.contains("NOT YET")))
                .contains("(checking your files for saves every 250 ms)", "Exercise race.counter");

        save("SafeCounter.java", Files.readString(MODULE.resolve(SOLUTIONS + "SafeCounter.java")));
        assertThat(awaitScreen(s -> s.contains("race.counter passes. On to") && !s.contains(CHECKING)))
                .contains("Exercise race.withdraw");
    }

    /** An Account whose withdraw has {@code body}. */
    private static String account(String body) {
        return """
                package course.race.exercises;

                import course.race.BankAccount;
                import course.race.Vault;

                public final class Account implements BankAccount {
                    private final Vault vault;
                    public Account(Vault vault) { this.vault = vault; }
                    @Override
                    public boolean withdraw(long amount) {
                """ + body + """
                    }
                    @Override
                    public long balance() { return vault.balance(); }
                }
                """;
    }

    private void save(String file, String text) throws IOException {
        Files.writeString(copy.resolve(EXERCISES + file), text);
    }

    /** The screen as last drawn (the text after the last clear). */
    private String screen() {
        String all = screens.toString(StandardCharsets.UTF_8);
        return all.substring(all.lastIndexOf("\033[H") + 1);
    }

    private String awaitScreen(Predicate<String> shows) throws InterruptedException {
        long deadline = System.nanoTime() + VERDICT_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            String screen = screen();
            if (shows.test(screen)) {
                return screen;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the screen did not show what was expected within " + VERDICT_LIMIT
                + "; it shows:\n" + screen());
    }

    private Properties record() throws IOException {
        Properties record = new Properties();
        try (var in = Files.newBufferedReader(copy.resolve("target/exercise-status.properties"))) {
            record.load(in);
        }
        return record;
    }

    /** The class path Failsafe runs this test with: the module's test class path. */
    private static List<Path> testClassPath() {
        String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return WatchedModule.paths(path).stream().filter(p -> !p.toString().contains("surefire")).toList();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString().replace(File.separatorChar, '/'));
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
