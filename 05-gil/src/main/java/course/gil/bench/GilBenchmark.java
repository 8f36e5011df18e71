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
 * slow another down, and the CPU-bound ones run in interleaved rounds, so that a machine whose
 * other work comes and goes treats every configuration alike. Results go to {@code src/docs/asciidoc/results/} (CSV, AsciiDoc tables, SVG
 * charts), which the chapter includes.
 *
 * <pre>./mvnw -q compile exec:exec -pl 05-gil -Psolution -Ddemo=bench.GilBenchmark</pre>
 *
 * It takes about two minutes. Run it with {@code -Psolution}: on the starter it stops and says so.
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
        List<String[]> cpu = cpuBoundInterleaved();
        List<String[]> io = child("io");
        List<String[]> convoy = child("convoy");
        double loadAfter = load();
        String machine = String.format(Locale.ROOT, "%d cores (shared with other work; load average %.1f before,"
                        + " %.1f after), JDK %s, %s", Runtime.getRuntime().availableProcessors(), loadBefore,
                loadAfter, System.getProperty("java.version"), LocalDate.now());
        new ResultFiles(out, machine).write(cpu, io, convoy);
        System.out.println("results written to " + out.toAbsolutePath().normalize());
    }

    /**
     * The CPU-bound configurations, round after round: each round runs every configuration once,
     * each in a fresh JVM, in the opposite order to the round before, so that a machine that gets
     * busier or quieter over the minute affects every configuration alike.
     */
    private static List<String[]> cpuBoundInterleaved() throws IOException, InterruptedException {
        List<String[]> configurations = new ArrayList<>();
        for (Measurements.Build build : Measurements.Build.values()) {
            for (int threads : THREADS) {
                configurations.add(new String[] {build.name(), String.valueOf(threads)});
            }
        }
        java.util.Map<String, List<Measurements.Sample>> samples = new java.util.LinkedHashMap<>();
        for (String[] configuration : configurations) {
            samples.put(configuration[0] + " " + configuration[1], new ArrayList<>());
        }
        for (int round = 0; round < Measurements.ROUNDS; round++) {
            List<String[]> order = new ArrayList<>(configurations);
            if (round % 2 == 1) {
                java.util.Collections.reverse(order);
            }
            for (String[] configuration : order) {
                String[] line = child("cpu", configuration[0], configuration[1]).get(0);
                samples.get(configuration[0] + " " + configuration[1]).add(new Measurements.Sample(
                        Double.parseDouble(line[3]), Double.parseDouble(line[4]), Double.parseDouble(line[5])));
            }
        }
        List<String[]> rows = new ArrayList<>();
        List<Measurements.Sample> gilOneThread = samples.get(Measurements.Build.GIL.name() + " 1");
        for (String[] configuration : configurations) {
            Measurements.Build build = Measurements.Build.valueOf(configuration[0]);
            int threads = Integer.parseInt(configuration[1]);
            List<Measurements.Sample> mine = samples.get(configuration[0] + " " + configuration[1]);
            List<Measurements.Sample> oneThread = samples.get(configuration[0] + " 1");
            Measurements.Result result = Measurements.result(build.label, threads, mine);
            // paired: each round's run against the run of the same round it is compared with
            double speedup = medianOfRatios(oneThread, mine, Measurements.Sample::millis);
            double price = medianOfRatios(mine, gilOneThread, Measurements.Sample::cpuMillis) - 1;
            rows.add(new String[] {"cpu", result.what(), String.valueOf(threads),
                    format(result.medianMillis()), format(result.bestMillis()), format(result.coresBusy()),
                    format(result.cpuMillis()), format(result.mostCoresBusy()), format(speedup),
                    format(100 * price)});
        }
        return rows;
    }

    /** The median, over the rounds, of {@code top[round] / bottom[round]}. */
    private static double medianOfRatios(List<Measurements.Sample> top, List<Measurements.Sample> bottom,
                                         java.util.function.ToDoubleFunction<Measurements.Sample> value) {
        double[] ratios = new double[top.size()];
        for (int round = 0; round < ratios.length; round++) {
            ratios[round] = value.applyAsDouble(top.get(round)) / value.applyAsDouble(bottom.get(round));
        }
        java.util.Arrays.sort(ratios);
        return ratios[ratios.length / 2];
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** In the child JVM: one measurement, printed as RESULT lines. */
    private static void measure(String[] args) throws InterruptedException {
        switch (args[1]) {
            case "cpu" -> {
                Measurements.Sample sample = Measurements.cpuBound(Measurements.Build.valueOf(args[2]),
                        Integer.parseInt(args[3]));
                System.out.printf(Locale.ROOT, "RESULT\tcpu\t%s\t%s\t%.1f\t%.1f\t%.2f%n", args[2], args[3],
                        sample.millis(), sample.cpuMillis(), sample.coresBusy());
            }
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
        System.out.printf(Locale.ROOT, "RESULT\t%s\t%s\t%d\t%.1f\t%.1f\t%.2f\t%.1f\t%.2f%n", kind,
                result.what(), result.threads(), result.medianMillis(), result.bestMillis(), result.coresBusy(),
                result.cpuMillis(), result.mostCoresBusy());
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
