package course.gil.exercises;

import java.util.List;
import java.util.regex.Pattern;

/**
 * For the answer catalogues (*CheckIT): a run catches a wrong answer only if the check fails it
 * for the reason the catalogue names. A failure with another message is kept, and the run is not
 * counted as a catch, so a catch rate of 200 of 200 means 200 failures that told the learner
 * what is wrong.
 */
final class Explained {

    private Explained() {
    }

    /** {@code check}, whose failures count only if their message matches {@code explanation}. */
    static Runnable check(String explanation, List<String> otherFailures, Runnable check) {
        Pattern pattern = Pattern.compile(explanation);
        return () -> {
            try {
                check.run();
            } catch (AssertionError failure) {
                String message = String.valueOf(failure.getMessage());
                if (pattern.matcher(message).find()) {
                    throw failure;
                }
                otherFailures.add(message); // failed, but not for the named reason: not a catch
            }
        };
    }
}
