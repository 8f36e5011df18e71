package course.kit;

import java.util.Arrays;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * What a learner sees when an exercise test fails: the exercise, what went wrong in the
 * words of the concept, one hint, the file to edit and the book section to read.
 * It carries no stack trace: the message says where to look.
 */
public final class ExerciseFailure extends AssertionFailedError {

    private static final long serialVersionUID = 1L;

    private final String whatWentWrong;

    private ExerciseFailure(String message, String whatWentWrong) {
        super(message);
        this.whatWentWrong = whatWentWrong;
        setStackTrace(new StackTraceElement[0]);
    }

    /** The failure of {@code info}, explained by {@code cause}. */
    public static ExerciseFailure of(ExerciseInfo info, Throwable cause) {
        int total = ExerciseRegister.load().ofModule(info.module()).size();
        String what = whatWentWrong(cause);
        String text = "\n"
                + "  Exercise " + info.id() + " (" + info.module() + ", " + info.number() + " of " + total
                + "): " + info.title() + "\n"
                + "  What went wrong: " + indent(what) + "\n"
                + "  Hint: " + info.hint() + "\n"
                + "  Edit: " + info.starterPath().toString().replace('\\', '/') + "\n"
                + "  Read: \"" + info.section() + "\" in the course book (" + info.bookLink() + ")\n";
        return new ExerciseFailure(text, what);
    }

    /** What went wrong, in the learner's terms, without the exercise, hint, file and section around it. */
    public String whatWentWrong() {
        return whatWentWrong;
    }

    /** The cause in the learner's terms: assertion messages as they are, errors with their place. */
    static String whatWentWrong(Throwable cause) {
        if (cause instanceof ExerciseFailure failure) {
            return failure.whatWentWrong();
        }
        if (cause instanceof TestAbortedException) {
            return "the check could not judge this run (" + cause.getMessage() + "); run it again";
        }
        if (cause instanceof TimeoutException) {
            return cause.getMessage() + ": the code under test hangs or spins (a deadlock, a lost"
                    + " wake-up, or a loop that never sees its exit condition).";
        }
        if (cause instanceof AssertionError) {
            return String.valueOf(cause.getMessage()).strip();
        }
        return "your code threw " + cause + learnerFrames(cause);
    }

    /** The frames of a throwable that are in course code, as "at ..." lines. */
    static String learnerFrames(Throwable error) {
        return Arrays.stream(StuckThreads.courseFrames(error.getStackTrace()))
                .map(f -> "\n    at " + StuckThreads.frame(f))
                .collect(Collectors.joining());
    }

    private static String indent(String text) {
        return text.replace("\n", "\n    ");
    }
}
