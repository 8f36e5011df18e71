package course.cpuio;

/**
 * The worker process of this lesson: counts the primes in one part of a range and prints the
 * count as its last line. {@code java course.cpuio.PrimeWorker <from> <to>}
 */
public final class PrimeWorker {

    private PrimeWorker() {
    }

    public static void main(String[] args) {
        long from = Long.parseLong(args[0]);
        long to = Long.parseLong(args[1]);
        System.out.println(Primes.countIn(from, to));
    }
}
