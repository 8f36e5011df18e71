package course.cpuio;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;

/**
 * The child process of {@link ProcessCostDemo}. {@code java course.cpuio.ChildJvm MODE}:
 * <pre>
 *   exit          starts and exits at once: what a JVM costs before it does anything
 *   idle          waits until its standard input is closed: a live process to weigh
 *   sum           reads longs from standard input until it is closed, prints their sum
 *   warm-up N     counts the primes below 300,000 N times, prints how long each time took
 * </pre>
 */
public final class ChildJvm {

    private ChildJvm() {
    }

    public static void main(String[] args) throws IOException {
        switch (args[0]) {
            case "exit" -> { }
            case "idle" -> System.in.transferTo(java.io.OutputStream.nullOutputStream());
            case "sum" -> System.out.println(sumOfLongs());
            case "warm-up" -> warmUp(Integer.parseInt(args[1]));
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    private static long sumOfLongs() throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(System.in, 1 << 16));
        long sum = 0;
        try {
            while (true) {
                sum += in.readLong();
            }
        } catch (EOFException end) {
            return sum;
        }
    }

    private static void warmUp(int times) {
        for (int i = 0; i < times; i++) {
            long start = System.nanoTime();
            long count = Primes.countIn(0, 300_000);
            System.out.println((System.nanoTime() - start) / 1_000 + " " + count);
        }
    }
}
