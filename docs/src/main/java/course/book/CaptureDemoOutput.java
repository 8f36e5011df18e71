package course.book;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Runs the lessons' demos while the book is built and saves what each printed, so that the
 * book shows real output of the code it includes: one run, on the machine that built it.
 *
 * <p>Arguments: the output directory, then the file that lists the demos, one per line:
 * {@code <output-name> <main-class> [args...]}. Each demo's standard output goes to
 * {@code <output-dir>/<output-name>.txt}. A demo that throws, or runs longer than two minutes,
 * fails the build with its name. It also writes {@code <output-dir>/machine.adoc}, which sets
 * the attributes {@code demo-machine} (cores, JDK, system, load average at the start) and
 * {@code demo-date}, so that the book can say where and when its demo output came from.
 *
 * <p>Under each demo, the list declares what the book's sentences say about its output
 * ({@code claim} lines, see {@link DemoClaims}). They are checked at every build, against the
 * output just captured or kept: a sentence its output contradicts fails the build, with the
 * chapter, the sentence and the line of output.
 *
 * <p>The demos run on the reference solutions: the docs module compiles every lesson's
 * {@code src/solutions/java} into its own output, which comes first on the class path (see
 * docs/pom.xml). This program checks that before it runs anything, so a change of class path
 * order cannot quietly put the learner's starter into the book.
 *
 * <p>The demos run again only when something they depend on has changed: the list, the
 * classes on the class path, or the JDK. Otherwise the output of the last run is kept (the
 * build says so). Delete {@code docs/target/demo-output} to run them again anyway.
 */
public final class CaptureDemoOutput {

    private static final long TIME_LIMIT_SECONDS = 120;
    /** Written after every demo ran to the end; holds the fingerprint of what they ran on. */
    private static final String STAMP = ".captured-from";
    private static final String MACHINE = "machine.adoc";

    private CaptureDemoOutput() {
    }

    public static void main(String[] args) throws Exception {
        Path outputDir = Path.of(args[0]);
        Path listFile = Path.of(args[1]);
        Files.createDirectories(outputDir);
        int solutions = checkSolutionsComeFirst();
        List<String[]> demos = readList(listFile);
        DemoClaims.read(listFile); // a claim that cannot be read fails now, not after the demos ran
        String fingerprint = fingerprint(listFile);
        Path stamp = outputDir.resolve(STAMP);
        if (Files.isRegularFile(stamp) && Files.readString(stamp).equals(fingerprint)
                && Files.isRegularFile(outputDir.resolve(MACHINE))
                && demos.stream().allMatch(demo -> Files.isRegularFile(outputFile(outputDir, demo)))) {
            System.out.printf("demo output up to date (%d demos on %d reference solution classes); "
                    + "delete %s to run them again%n", demos.size(), solutions, outputDir);
            checkClaims(outputDir, listFile);
            return;
        }
        Files.deleteIfExists(stamp);
        String machine = describeMachine();
        List<String> failures = new ArrayList<>();
        long started = System.nanoTime();
        for (String[] demo : demos) {
            String failure = capture(outputFile(outputDir, demo), demo[1], Arrays.copyOfRange(demo, 2, demo.length));
            if (failure != null) {
                failures.add(demo[0] + ": " + failure);
            }
        }
        System.out.printf("captured the output of %d demos in %d s (run on the reference solutions)%n", demos.size(),
                (System.nanoTime() - started) / 1_000_000_000);
        if (!failures.isEmpty()) {
            System.err.println("demos that did not run to the end:\n  " + String.join("\n  ", failures));
        } else {
            Files.writeString(outputDir.resolve(MACHINE), machine);
            Files.writeString(stamp, fingerprint);
            checkClaims(outputDir, listFile);
        }
        // Some demos leave threads behind (the deadlock demos' blocked daemons; a demo that timed
        // out). End the JVM here, so that no thread left behind can keep the build waiting.
        System.exit(failures.isEmpty() ? 0 : 1);
    }

    /** Fails the build (exit 1) if the output contradicts a sentence of the book about it. */
    private static void checkClaims(Path outputDir, Path listFile) throws IOException {
        List<String> falsified = DemoClaims.check(outputDir, listFile);
        if (!falsified.isEmpty()) {
            System.err.println(DemoClaims.report(falsified));
            System.exit(1);
        }
        System.out.printf("%d claims about the demos' output checked against it%n", DemoClaims.read(listFile).size());
    }

    /** The attributes of machine.adoc, taken before the demos run (the load average is theirs to add to). */
    private static String describeMachine() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return String.format(Locale.ROOT, """
                // Written by CaptureDemoOutput: where and when the demo output in the book was captured.
                :demo-machine: %d cores, JDK %s, %s %s%s
                :demo-date: %s
                """, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                System.getProperty("os.name"), System.getProperty("os.arch"),
                load < 0 ? "" : String.format(Locale.ROOT, ", load average %.1f", load), LocalDate.now());
    }

    private static List<String[]> readList(Path listFile) throws IOException {
        List<String[]> demos = new ArrayList<>();
        for (String line : Files.readAllLines(listFile)) {
            if (!line.isBlank() && !line.startsWith("#") && !DemoClaims.isClaim(line)) {
                demos.add(line.trim().split("\\s+"));
            }
        }
        return demos;
    }

    private static Path outputFile(Path outputDir, String[] demo) {
        return outputDir.resolve(demo[0] + ".txt");
    }

    /**
     * Checks that every exercise class compiled from the reference solutions into this module's
     * output is the one the demos will load, not the lesson jar's (starter) class of the same
     * name; returns how many it checked. Fails if there are none: then the solutions were not
     * compiled here, and the demos would run whatever the lesson jars hold.
     */
    private static int checkSolutionsComeFirst() throws IOException, URISyntaxException, ClassNotFoundException {
        CodeSource own = CaptureDemoOutput.class.getProtectionDomain().getCodeSource();
        Path classes = Path.of(own.getLocation().toURI());
        List<String> names;
        try (Stream<Path> files = Files.walk(classes)) {
            names = files.filter(f -> f.getFileName().toString().endsWith(".class"))
                    .filter(f -> f.getParent().getFileName().toString().equals("exercises"))
                    .map(f -> classes.relativize(f).toString().replace(File.separatorChar, '.').replaceAll("\\.class$", ""))
                    .sorted()
                    .toList();
        }
        if (names.isEmpty()) {
            throw new IllegalStateException("no reference solutions compiled into " + classes
                    + ": the demos would run the lesson jars' exercise classes (see docs/pom.xml)");
        }
        List<String> wrong = new ArrayList<>();
        for (String name : names) {
            CodeSource source = Class.forName(name, false, CaptureDemoOutput.class.getClassLoader())
                    .getProtectionDomain().getCodeSource();
            if (source == null || !own.getLocation().equals(source.getLocation())) {
                wrong.add(name + " from " + (source == null ? "?" : source.getLocation()));
            }
        }
        if (!wrong.isEmpty()) {
            throw new IllegalStateException("the demos would not run the reference solutions; "
                    + "this module's classes must come first on the class path:\n  " + String.join("\n  ", wrong));
        }
        return names.size();
    }

    /**
     * What the demos' output depends on: the demos of the list (not its claims, which are checked
     * at every build anyway), the JDK, and every class on the class path.
     */
    private static String fingerprint(Path listFile) throws IOException, NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (String[] demo : readList(listFile)) {
            digest.update((String.join(" ", demo) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        digest.update(("\0" + System.getProperty("java.vm.version") + "\0").getBytes(StandardCharsets.UTF_8));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            digest.update((entry + "\0").getBytes(StandardCharsets.UTF_8));
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.walk(path)) {
                    for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                        digest.update((path.relativize(file) + "\0").getBytes(StandardCharsets.UTF_8));
                        digest.update(Files.readAllBytes(file));
                    }
                }
            } else if (Files.isRegularFile(path)) {
                // A jar's directory lists each entry's CRC: its content, without reading it.
                try (ZipFile jar = new ZipFile(path.toFile())) {
                    for (ZipEntry e : jar.stream().sorted(Comparator.comparing(ZipEntry::getName)).toList()) {
                        digest.update((e.getName() + "\0" + e.getCrc() + "\0" + e.getSize() + "\0")
                                .getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest()) + "\n";
    }

    /** Runs one demo with standard output captured; returns null, or what went wrong. */
    private static String capture(Path file, String mainClass, String[] demoArgs) throws IOException, InterruptedException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream original = System.out;
        Throwable[] error = new Throwable[1];
        Thread runner = Thread.ofPlatform().name("demo " + mainClass).daemon(true).unstarted(() -> {
            try {
                Method main = Class.forName(mainClass).getMethod("main", String[].class);
                main.invoke(null, (Object) demoArgs);
            } catch (InvocationTargetException e) {
                error[0] = e.getCause();
            } catch (ReflectiveOperationException e) {
                error[0] = e;
            }
        });
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            runner.start();
            runner.join(TimeUnit.SECONDS.toMillis(TIME_LIMIT_SECONDS));
        } finally {
            System.out.flush();
            System.setOut(original);
        }
        Files.writeString(file, buffer.toString(StandardCharsets.UTF_8));
        if (runner.isAlive()) {
            return "still running after " + TIME_LIMIT_SECONDS + " s";
        }
        return error[0] == null ? null : String.valueOf(error[0]);
    }
}
