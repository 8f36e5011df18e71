package course.cpuio.exercises;

import course.cpuio.Primes;
import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The worker processes of the cpuio.runner checks: a main class that carries out the steps it
 * is given, so each check can start workers that succeed, fail, or lie in a known way.
 * {@code java course.cpuio.exercises.TestWorker DIR NAME STEP...}
 *
 * <p>The worker leaves a file {@code NAME.started} in DIR when it starts, {@code NAME.step-I} when
 * it begins step I (from 0), and {@code NAME.finished} when it has carried out every step (just
 * before it exits): a check whose runner hangs can then tell a worker stuck writing to a full
 * pipe, and on which stream, from one that never started. The steps, in order:
 * <pre>
 *   out=TEXT        writes TEXT to standard output (\n and \r in TEXT stand for a line feed, a carriage return)
 *   err=TEXT        writes TEXT to the error stream
 *   out-kb=N        writes N KB of filler lines to standard output
 *   err-kb=N        writes N KB of filler lines to the error stream
 *   count=FROM:TO   writes the number of primes in [FROM, TO) and a line feed to standard output
 *   gate            waits (up to 10 s) until DIR holds a file NAME.go
 *   meet=OTHER:MS   waits up to MS ms until DIR holds OTHER.started; writes "met\n" if it does, else
 *                   "alone\n" (and leaves NAME.alone in DIR)
 *   exit=CODE       exits at once with status CODE (steps after it are never reached)
 * </pre>
 * Every step is flushed before the next, so the two streams are written in the order of the steps.
 */
public final class TestWorker {

    private static final byte[] FILLER = "a filler line, of the kind a chatty worker writes by the thousand\n"
            .getBytes(StandardCharsets.US_ASCII);

    private TestWorker() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path dir = Path.of(args[0]);
        String name = args[1];
        touch(dir.resolve(name + ".started"));
        try (OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
             OutputStream err = new BufferedOutputStream(new FileOutputStream(FileDescriptor.err), 1 << 16)) {
            for (int i = 2; i < args.length; i++) {
                String step = args[i];
                touch(dir.resolve(name + ".step-" + (i - 2)));
                String kind = step.contains("=") ? step.substring(0, step.indexOf('=')) : step;
                String value = step.substring(step.indexOf('=') + 1);
                switch (kind) {
                    case "out" -> write(out, unescape(value));
                    case "err" -> write(err, unescape(value));
                    case "out-kb" -> fill(out, Integer.parseInt(value));
                    case "err-kb" -> fill(err, Integer.parseInt(value));
                    case "count" -> write(out, Primes.countIn(Long.parseLong(value.split(":")[0]),
                            Long.parseLong(value.split(":")[1])) + "\n");
                    case "gate" -> awaitFile(dir.resolve(name + ".go"), 10_000);
                    case "meet" -> write(out, meet(dir, name, value.split(":")[0], Long.parseLong(value.split(":")[1])));
                    case "exit" -> {
                        touch(dir.resolve(name + ".finished"));
                        Runtime.getRuntime().halt(Integer.parseInt(value));
                    }
                    default -> throw new IllegalArgumentException("unknown step " + step);
                }
            }
            touch(dir.resolve(name + ".finished"));
        }
    }

    private static void write(OutputStream stream, String text) throws IOException {
        stream.write(text.getBytes(StandardCharsets.UTF_8));
        stream.flush();
    }

    private static void fill(OutputStream stream, int kilobytes) throws IOException {
        long bytes = kilobytes * 1024L;
        for (long written = 0; written < bytes; written += FILLER.length) {
            stream.write(FILLER);
        }
        stream.flush();
    }

    private static String unescape(String text) {
        return text.replace("\\n", "\n").replace("\\r", "\r");
    }

    private static String meet(Path dir, String name, String other, long millis) throws IOException,
            InterruptedException {
        if (awaitFile(dir.resolve(other + ".started"), millis)) {
            return "met\n";
        }
        touch(dir.resolve(name + ".alone"));
        return "alone\n";
    }

    private static boolean awaitFile(Path file, long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000;
        while (!Files.exists(file)) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(1);
        }
        return true;
    }

    private static void touch(Path file) throws IOException {
        try {
            Files.createFile(file);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            // a worker started twice by its runner: the first one's file serves
        }
    }
}
