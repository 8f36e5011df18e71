package course.cpuio;

/**
 * The lesson's CPU-bound work: counting primes by trial division.
 *
 * <p>The article's CPU-bound task was a loop counting to 20,000,000. In Java that loop is no
 * test of anything: the JIT sees that the loop only adds one and replaces it with its result.
 * Counting primes cannot be removed that way (each answer needs its divisions), touches no
 * shared memory, and its result is easy to check: there are 148,933 primes below 2,000,000.
 */
public final class Primes {

    /** The number of primes below 2,000,000, to check a run against. */
    public static final long BELOW_TWO_MILLION = 148_933;

    private Primes() {
    }

    // tag::count[]
    /** How many primes p there are with {@code from <= p < to}. */
    public static long countIn(long from, long to) {
        long count = 0;
        for (long n = Math.max(from, 2); n < to; n++) {
            if (isPrime(n)) {
                count++;
            }
        }
        return count;
    }

    /** Trial division by 2 and by every odd number up to the square root. */
    public static boolean isPrime(long n) {
        if (n < 2) {
            return false;
        }
        if (n % 2 == 0) {
            return n == 2;
        }
        for (long d = 3; d * d <= n; d += 2) {
            if (n % d == 0) {
                return false;
            }
        }
        return true;
    }
    // end::count[]
}
