package course.cpuio.exercises;

import course.cpuio.Primes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The worker processes of the cpuio.runner checks: a main class that does what its first
 * argument says, so each check can start workers that succeed, fail, or lie in a known way.
 * <pre>
 *   count FROM TO               prints the number of primes in [FROM, TO)
 *   exit CODE TEXT              prints TEXT, then exits with status CODE
 *   hold MILLIS TEXT            waits MILLIS ms, then prints TEXT
 *   gate DIR TEXT               leaves a file "started" in DIR, waits (up to 10 s) until DIR holds a
 *                               file "go", then prints TEXT
 *   meet DIR NAME N MILLIS      leaves a file NAME in DIR, waits up to MILLIS ms until DIR holds N
 *                               files, then prints "met" if it does, "alone" if not
 * </pre>
 */
public final class TestWorker {

    private TestWorker() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        switch (args[0]) {
            case "count" -> System.out.println(Primes.countIn(Long.parseLong(args[1]), Long.parseLong(args[2])));
            case "exit" -> {
                System.out.println(args[2]);
                System.out.flush();
                System.exit(Integer.parseInt(args[1]));
            }
            case "hold" -> {
                Thread.sleep(Long.parseLong(args[1]));
                System.out.println(args[2]);
            }
            case "gate" -> {
                Path dir = Path.of(args[1]);
                Files.createFile(dir.resolve("started"));
                long end = System.nanoTime() + 10_000_000_000L;
                while (!Files.exists(dir.resolve("go")) && System.nanoTime() < end) {
                    Thread.sleep(1);
                }
                System.out.println(args[2]);
            }
            case "meet" -> System.out.println(meet(Path.of(args[1]), args[2], Integer.parseInt(args[3]),
                    Long.parseLong(args[4])) ? "met" : "alone");
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    private static boolean meet(Path dir, String name, int others, long millis) throws IOException,
            InterruptedException {
        Files.createFile(dir.resolve(name));
        long end = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < end) {
            try (var files = Files.list(dir)) {
                if (files.count() >= others) {
                    return true;
                }
            }
            Thread.sleep(2);
        }
        return false;
    }
}
