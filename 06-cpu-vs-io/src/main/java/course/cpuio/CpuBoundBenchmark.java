package course.cpuio;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The CPU-bound ways, measured with JMH: each benchmark counts the primes below 3,000,000 once
 * (one "operation"), in a forked JVM, after warm-up iterations, and checks its answer before
 * JMH records its time: a way that got a wrong count, or a worker process that failed, throws,
 * and JMH reports no time for it. Two more benchmarks compress data with zlib (native code) on
 * one thread and on two. {@link SpeedupReport} runs them and writes the book's table and chart.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@State(Scope.Benchmark)
public class CpuBoundBenchmark {

    static final long LIMIT = 3_000_000;
    static final long PRIMES = 216_816;
    static final int DEFLATE_JOBS = 8;

    private byte[] data;

    @Setup
    public void makeData() {
        data = new byte[1 << 20];
        new Random(7).nextBytes(data);
    }

    @Benchmark
    public long oneThread() {
        return checked(Primes.countIn(0, LIMIT));
    }

    @Benchmark
    public long fourPlatformThreads() throws InterruptedException {
        return checked(CpuBoundDemo.fourThreads(LIMIT));
    }

    @Benchmark
    public long poolSizedToCores() throws InterruptedException, ExecutionException {
        return checked(CpuBoundDemo.poolSizedToCores(LIMIT));
    }

    @Benchmark
    public long parallelStream() {
        return checked(CpuBoundDemo.parallelStream(LIMIT));
    }

    // tag::processes[]
    /** Four JVMs, a quarter of the range each; every exit status and every count checked. */
    @Benchmark
    public long fourProcesses() throws IOException, InterruptedException {
        List<Process> workers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            workers.add(new ProcessBuilder(JavaCommand.of(PrimeWorker.class,
                    String.valueOf(LIMIT * i / 4), String.valueOf(LIMIT * (i + 1) / 4))).start());
        }
        long total = 0;
        for (Process worker : workers) {
            String output = new String(worker.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (worker.waitFor() != 0) {
                throw new IllegalStateException("a worker exited with status " + worker.exitValue() + ": no time");
            }
            total += Long.parseLong(output);
        }
        return checked(total);
    }
    // end::processes[]

    @Benchmark
    public long deflateOneThread() {
        long bytes = 0;
        for (int i = 0; i < DEFLATE_JOBS; i++) {
            bytes += deflate(data);
        }
        return bytes;
    }

    @Benchmark
    public long deflateTwoThreads() throws InterruptedException {
        long[] bytes = new long[2];
        Thread other = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < DEFLATE_JOBS / 2; i++) {
                bytes[1] += deflate(data);
            }
        });
        for (int i = 0; i < DEFLATE_JOBS / 2; i++) {
            bytes[0] += deflate(data);
        }
        other.join();
        return bytes[0] + bytes[1];
    }

    static long deflate(byte[] input) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            deflater.setInput(input);
            deflater.finish();
            byte[] out = new byte[input.length + 1024];
            long total = 0;
            while (!deflater.finished()) {
                total += deflater.deflate(out);
            }
            return total;
        } finally {
            deflater.end();
        }
    }

    private static long checked(long count) {
        if (count != PRIMES) {
            throw new IllegalStateException("counted " + count + " primes below " + LIMIT + ", not " + PRIMES);
        }
        return count;
    }
}
