package course.gil.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the benchmark's figures as the files the chapter includes: for each measurement a CSV
 * (the numbers) and an AsciiDoc table (the numbers, for reading). Each table says where and when
 * it was measured. The book's chart renderer draws two of them, cpu-bound and convoy, from their
 * CSVs ({@code java -cp docs/target/classes course.book.charts.ResultCharts}, from the repository's root, once the book's classes are built).
 */
final class ResultFiles {

    private final Path dir;
    private final String machine;

    ResultFiles(Path dir, String machine) {
        this.dir = dir;
        this.machine = machine;
    }

    void write(List<String[]> cpu, List<String[]> io, List<String[]> convoy) throws IOException {
        Files.createDirectories(dir);
        writeCpu(cpu);
        writeIo(io);
        writeConvoy(convoy);
        System.out.println("now redraw the charts from the CSVs: from the repository's root, once the book's"
                + " classes are built, java -cp docs/target/classes course.book.charts.ResultCharts");
    }

    /**
     * Rows: cpu, build, threads, median, best, cores busy (median), CPU time (median), cores busy
     * (most), speed-up (median of the rounds' ratios), price against the GIL build on one thread
     * (median of the rounds' ratios, in percent).
     */
    private void writeCpu(List<String[]> rows) throws IOException {
        Map<String, List<String[]>> byBuild = new LinkedHashMap<>();
        for (String[] row : rows) {
            byBuild.computeIfAbsent(row[1], b -> new ArrayList<>()).add(row);
        }
        StringBuilder csv = new StringBuilder("build,threads,median_ms,best_ms,speedup,cpu_ms,cores_busy_median,"
                + "cores_busy_most\n");
        StringBuilder table = new StringBuilder();
        table.append(".CPU-bound: four countdowns of ").append(String.format(Locale.ROOT, "%,d", Measurements.COUNT))
                .append(", shared out among 1, 2 and 4 interpreter threads (").append(Measurements.ROUNDS)
                .append(" interleaved rounds, each run in a fresh JVM after a warm-up run; medians)\n")
                .append("[cols=\"4,1,2,2,2,2\",options=\"header\"]\n|===\n")
                .append("| Build | Threads | Time | Speed-up | CPU time | Cores busy (median, most)\n");
        for (Map.Entry<String, List<String[]>> build : byBuild.entrySet()) {
            for (String[] row : build.getValue()) {
                table.append(String.format(Locale.ROOT, "| %s | %s | %.0f ms | %.2fx | %.0f ms | %.2f, %.2f%n",
                        build.getKey(), row[2], parse(row[3]), parse(row[8]), parse(row[6]), parse(row[5]),
                        parse(row[7])));
                csv.append(String.format(Locale.ROOT, "%s,%s,%s,%s,%s,%s,%s,%s%n", csvText(build.getKey()), row[2],
                        row[3], row[4], row[8], row[6], row[5], row[7]));
            }
        }
        table.append("|===\n\n").append("Speed-up: in each round, the one-thread run's time divided by this"
                + " run's; the median over the rounds.\n\n").append(caption());
        write("cpu-bound.csv", csv.toString());
        write("cpu-bound.adoc", table.toString());
        writePrice(byBuild);
    }

    /** The single-thread price: each build on one thread against the GIL build on one thread, in CPU time. */
    private void writePrice(Map<String, List<String[]>> byBuild) throws IOException {
        StringBuilder table = new StringBuilder(".One thread: what each build costs against the GIL build\n"
                + "[cols=\"4,2,2\",options=\"header\"]\n|===\n"
                + "| Build | CPU time (median) | Against the GIL build\n");
        StringBuilder csv = new StringBuilder("build,cpu_ms,against_gil_build_percent\n");
        for (Map.Entry<String, List<String[]>> build : byBuild.entrySet()) {
            String[] one = build.getValue().get(0);
            table.append(String.format(Locale.ROOT, "| %s | %.0f ms | %+.1f%%%n", build.getKey(), parse(one[6]),
                    parse(one[9])));
            csv.append(String.format(Locale.ROOT, "%s,%s,%s%n", csvText(build.getKey()), one[6], one[9]));
        }
        table.append("|===\n\n").append("Against the GIL build: in each round, this build's CPU time on one thread"
                + " divided by the GIL build's in the same round; the median over the rounds.\n\n")
                .append(caption());
        write("single-thread-price.csv", csv.toString());
        write("single-thread-price.adoc", table.toString());
    }

    /** Rows: io, label, threads, median, best. */
    private void writeIo(List<String[]> rows) throws IOException {
        double sequential = rows.stream().filter(r -> r[2].equals("1")).mapToDouble(r -> parse(r[3])).findFirst()
                .orElseThrow();
        StringBuilder table = new StringBuilder(".IO-bound: four requests of 50 ms on 1, 2 and 4 interpreter threads,"
                + " with the GIL (median of " + Measurements.ROUNDS + " runs)\n"
                + "[cols=\"3,1,2,2\",options=\"header\"]\n|===\n| IO calls | Threads | Time | Speed-up\n");
        StringBuilder csv = new StringBuilder("io_calls,threads,median_ms,best_ms,speedup\n");
        for (String[] row : rows) {
            double millis = parse(row[3]);
            table.append(String.format(Locale.ROOT, "| %s | %s | %.0f ms | %.2fx%n", row[1], row[2], millis,
                    sequential / millis));
            csv.append(String.format(Locale.ROOT, "%s,%s,%.1f,%s,%.3f%n", csvText(row[1]), row[2], millis, row[4],
                    sequential / millis));
        }
        table.append("|===\n\n").append(caption());
        write("io-bound.csv", csv.toString());
        write("io-bound.adoc", table.toString());
    }

    /** Rows: convoy, interval or "alone", milliseconds per request. */
    private void writeConvoy(List<String[]> rows) throws IOException {
        double alone = rows.stream().filter(r -> r[1].equals("alone")).mapToDouble(r -> parse(r[2])).findFirst()
                .orElseThrow();
        StringBuilder table = new StringBuilder(".The convoy effect: an IO-bound thread makes "
                + GilBenchmark.CONVOY_REQUESTS + " requests of 0.1 ms next to a CPU-bound thread (median of 3 runs)\n"
                + "[cols=\"2,2,2\",options=\"header\"]\n|===\n| Switch interval | Time per request | Against the"
                + " IO thread alone\n");
        table.append(String.format(Locale.ROOT, "| (IO thread alone) | %.2f ms | 1x%n", alone));
        StringBuilder csv = new StringBuilder("switch_interval_ms,ms_per_request,io_thread_alone_ms\n");
        for (String[] row : rows) {
            if (row[1].equals("alone")) {
                continue;
            }
            double millis = parse(row[2]);
            table.append(String.format(Locale.ROOT, "| %s ms | %.2f ms | %.0fx%n", row[1], millis, millis / alone));
            csv.append(String.format(Locale.ROOT, "%s,%.3f,%.3f%n", row[1], millis, alone));
        }
        table.append("|===\n\n").append(caption());
        write("convoy.csv", csv.toString());
        write("convoy.adoc", table.toString());
    }

    private String caption() {
        return "[.small]#Measured on " + machine + ".#\n";
    }

    private static String csvText(String text) {
        return text.contains(",") ? "\"" + text + "\"" : text;
    }

    private static double parse(String number) {
        return Double.parseDouble(number);
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}
