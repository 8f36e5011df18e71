package course.cpuio;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The article's "18.59x", re-enacted. Four worker processes are sent to count primes, but
 * their class path does not hold the worker's class: like the article's children, which could
 * not find the task function under the {@code spawn} start method, they die at start-up. A
 * runner that reads only the wall clock reports a splendid speed-up. Looking at the exit
 * statuses before reporting anything shows there was no work to time.
 */
public final class CrashedWorkersDemo {

    /** What the naive runner saw (a time) and what the careful look finds (exit statuses, errors). */
    public record Outcome(long oneThreadNanos, long naiveNanos, List<Integer> exitStatuses, List<String> errors) {

        public double naiveSpeedup() {
            return (double) oneThreadNanos / naiveNanos;
        }
    }

    private CrashedWorkersDemo() {
    }

    public static Outcome run(long limit) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Primes.countIn(0, limit);
        long oneThread = System.nanoTime() - start;

        // tag::naive[]
        String wrongClassPath = Path.of("no-such-directory").toAbsolutePath().toString();
        List<Process> workers = new ArrayList<>();
        start = System.nanoTime();
        for (int i = 0; i < 4; i++) {
            List<String> command = JavaCommand.of(List.of(), wrongClassPath, PrimeWorker.class.getName(),
                    String.valueOf(limit * i / 4), String.valueOf(limit * (i + 1) / 4));
            workers.add(new ProcessBuilder(command).start());
        }
        for (Process worker : workers) {
            worker.waitFor();
        }
        long naive = System.nanoTime() - start;   // the only thing the article's runner looked at
        // end::naive[]

        // tag::careful[]
        List<Integer> exitStatuses = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (Process worker : workers) {
            exitStatuses.add(worker.exitValue());  // 0 means it says it did its work; anything else: it did not
            errors.add(new String(worker.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip());
        }
        // end::careful[]
        return new Outcome(oneThread, naive, exitStatuses, errors);
    }

    /** {@code [limit]}: the job is to count the primes below it (4,000,000 unless given). */
    public static void main(String[] args) throws Exception {
        long limit = args.length > 0 && !args[0].isBlank() ? Long.parseLong(args[0]) : 4_000_000;
        Outcome outcome = run(limit);
        System.out.printf("the primes below %,d, on %d cores%n", limit, Runtime.getRuntime().availableProcessors());
        System.out.printf("one thread:             %.2f s%n", outcome.oneThreadNanos() / 1e9);
        System.out.printf("four processes (naive): %.2f s   \"speed-up\" %.2fx%n", outcome.naiveNanos() / 1e9,
                outcome.naiveSpeedup());
        System.out.println("but the exit statuses were " + outcome.exitStatuses() + ":");
        System.out.println("  " + outcome.errors().getFirst().lines().findFirst().orElse(""));
        boolean allWorked = outcome.exitStatuses().stream().allMatch(status -> status == 0);
        System.out.println(allWorked ? "every worker did its work" : "no time reported: the workers did not do the work");
    }
}
