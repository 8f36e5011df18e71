package course.kit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How often a check catches an answer: the measure behind "each wrong answer is caught in at
 * least 99% of runs". Each run calls the check once; a run that throws an AssertionError has
 * caught the answer. Anything else the check throws is a bug in the check and ends the count.
 *
 * <p>The number of runs comes from {@code -Dcatch.runs=N} (default 3, so that {@code verify}
 * stays quick); {@code .ci/catch-rates} asks for 200. Each result is printed as one line
 * starting with {@code catch-rate}, which that script collects.
 */
public final class CatchRate {

    /** The outcome: how many of {@code runs} caught the answer, and the first message seen. */
    public record Result(String answer, int runs, int caught, long millis, String firstMessage) {

        public double percent() {
            return 100.0 * caught / runs;
        }
    }

    /** How many of a wrong answer's uncaught runs are described. */
    private static final int MISSES_SHOWN = 3;

    private CatchRate() {
    }

    /** Runs per answer: {@code -Dcatch.runs}, 3 by default. */
    public static int runs() {
        return Integer.getInteger("catch.runs", 3);
    }

    /** Runs {@code check} {@link #runs()} times and counts the runs that threw an AssertionError. */
    public static Result measure(String module, String answer, Runnable check) {
        return measure(module, answer, "", check);
    }

    /**
     * Runs {@code check} {@link #runs()} times and counts the runs that threw an AssertionError whose
     * message contains {@code explanation} (or one of its alternatives, separated by {@code |}, for an
     * answer with more than one true diagnosis): a failure for another reason (a check that could not
     * judge, say) is not a catch. The first message seen is kept, whatever it says.
     */
    public static Result measure(String module, String answer, String explanation, Runnable check) {
        int runs = runs();
        int caught = 0;
        String first = null;
        List<String> otherOutcomes = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            try {
                check.run();
                note(otherOutcomes, "run " + (i + 1) + " passed");
            } catch (AssertionError e) {
                // one line: a long sentence is wrapped for the screen, the catalogues match its words
                String message = String.valueOf(e.getMessage()).strip().replaceAll("\\s*\\R\\s*", " ");
                if (Arrays.stream(explanation.split("\\|")).anyMatch(message::contains)) {
                    caught++;
                } else {
                    note(otherOutcomes, "run " + (i + 1) + " failed for another reason: " + message);
                }
                if (first == null) {
                    first = message;
                }
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        Result result = new Result(answer, runs, caught, millis, first);
        System.out.println(String.format(Locale.ROOT, "catch-rate %s %s: caught %d of %d (%.1f%%) in %d ms",
                module, answer, caught, runs, result.percent(), millis));
        if (!explanation.isEmpty()) { // a wrong answer: say what the runs that did not catch it saw
            otherOutcomes.forEach(outcome ->
                    System.out.println("catch-rate " + module + " " + answer + " not caught: " + outcome));
        }
        return result;
    }

    private static void note(List<String> outcomes, String outcome) {
        if (outcomes.size() < MISSES_SHOWN) {
            outcomes.add(outcome);
        }
    }
}
