package course.gil.bench;

import course.gil.HoldingCalls;
import course.gil.exercises.GilReleasingCalls;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The lesson's benchmark: what the GIL costs and what taking it away costs, on the interpreter.
 * <ul>
 *   <li>CPU-bound: four countdowns on 1, 2 and 4 interpreter threads, GIL build against the
 *       free-threaded build (and the free-threaded build with one object every thread uses);
 *   <li>the single-thread price of free-threading: the free-threaded build on one thread against
 *       the GIL build on one thread;
 *   <li>IO-bound: four requests of 50 ms on 1, 2 and 4 threads;
 *   <li>the convoy effect: how long each quick IO request of an IO-bound thread takes next to a
 *       CPU-bound thread, as the switch interval changes.
 * </ul>
 * Each measurement runs in a JVM of its own, so that what the JIT learned from one build does not
 * slow another down. Results go to {@code src/docs/asciidoc/results/} (CSV, AsciiDoc tables, SVG
 * charts), which the chapter includes.
 *
 * <pre>./mvnw -q compile exec:exec -pl 05-gil -Psolution -Ddemo=bench.GilBenchmark</pre>
 *
 * It takes about a minute. Run it with {@code -Psolution}: on the starter it stops and says so.
 */
public final class GilBenchmark {

    static final int[] THREADS = {1, 2, 4};
    static final double[] CONVOY_INTERVALS_MS = {0.5, 1, 2, 5, 10};
    static final int CONVOY_REQUESTS = 50;

    private GilBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--measure")) {
            measure(args);
            return;
        }
        Path out = Path.of(args.length > 0 && !args[0].isBlank() ? args[0].strip() : "src/docs/asciidoc/results");
        double loadBefore = load();
        List<String[]> cpu = new ArrayList<>();
        for (Measurements.Build build : Measurements.Build.values()) {
            for (int threads : THREADS) {
                cpu.addAll(child("cpu", build.name(), String.valueOf(threads)));
            }
        }
        List<String[]> io = child("io");
        List<String[]> convoy = child("convoy");
        double loadAfter = load();
        String machine = String.format(Locale.ROOT, "%d cores (shared with other work; load average %.1f before,"
                        + " %.1f after), JDK %s, %s", Runtime.getRuntime().availableProcessors(), loadBefore,
                loadAfter, System.getProperty("java.version"), LocalDate.now());
        new ResultFiles(out, machine).write(cpu, io, convoy);
        System.out.println("results written to " + out.toAbsolutePath().normalize());
    }

    /** In the child JVM: one measurement, printed as RESULT lines. */
    private static void measure(String[] args) throws InterruptedException {
        switch (args[1]) {
            case "cpu" -> print("cpu", Measurements.cpuBound(Measurements.Build.valueOf(args[2]),
                    Integer.parseInt(args[3])));
            case "io" -> {
                for (int threads : THREADS) {
                    print("io", Measurements.ioBound("IO releases the GIL", GilReleasingCalls::new, threads));
                }
                print("io", Measurements.ioBound("IO keeps the GIL", HoldingCalls::new, 4));
            }
            case "convoy" -> {
                for (int i = 0; i < 3; i++) { // warm up
                    Measurements.convoy(Duration.ofMillis(1), 20, true);
                }
                System.out.printf(Locale.ROOT, "RESULT\tconvoy\talone\t%.3f%n",
                        median(() -> Measurements.convoy(Duration.ofMillis(5), CONVOY_REQUESTS, false)));
                for (double interval : CONVOY_INTERVALS_MS) {
                    Duration switchInterval = Duration.ofNanos((long) (interval * 1e6));
                    System.out.printf(Locale.ROOT, "RESULT\tconvoy\t%s\t%.3f%n", interval,
                            median(() -> Measurements.convoy(switchInterval, CONVOY_REQUESTS, true)));
                }
            }
            default -> throw new IllegalArgumentException(args[1]);
        }
    }

    @FunctionalInterface
    private interface Measure {
        double once() throws InterruptedException;
    }

    private static double median(Measure measure) throws InterruptedException {
        double[] values = new double[3];
        for (int i = 0; i < values.length; i++) {
            values[i] = measure.once();
        }
        java.util.Arrays.sort(values);
        return values[1];
    }

    private static void print(String kind, Measurements.Result result) {
        System.out.printf(Locale.ROOT, "RESULT\t%s\t%s\t%d\t%.1f\t%.1f\t%.2f\t%.1f%n", kind, result.what(),
                result.threads(), result.medianMillis(), result.bestMillis(), result.coresBusy(), result.cpuMillis());
    }

    /** Runs one measurement in a fresh JVM and returns its RESULT lines, split on tabs (without "RESULT"). */
    private static List<String[]> child(String... what) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"),
                GilBenchmark.class.getName(), "--measure"));
        command.addAll(List.of(what));
        System.out.println("measuring " + String.join(" ", what));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String[]> results = new ArrayList<>();
        List<String> other = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("RESULT\t")) {
                    System.out.println("  " + line.substring(7).replace('\t', ' '));
                    results.add(line.substring(7).split("\t"));
                } else {
                    other.add(line);
                }
            }
        }
        if (process.waitFor() != 0 || results.isEmpty()) {
            throw new IllegalStateException("measuring " + String.join(" ", what) + " failed:\n"
                    + String.join("\n", other));
        }
        return results;
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
