package course.cpuio;

/**
 * Work that can be done on any part of a range of numbers, independently of the other parts,
 * and whose results add up: {@code count(a, c) == count(a, b) + count(b, c)}.
 * {@link Primes#countIn} is one; the exercise tests bring others that watch how they are called.
 */
@FunctionalInterface
public interface RangeWork {

    /** The result for the numbers {@code from <= n < to}. */
    long count(long from, long to);
}
