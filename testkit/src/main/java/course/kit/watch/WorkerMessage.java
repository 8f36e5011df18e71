package course.kit.watch;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Properties;

/**
 * The lines a worker JVM writes to the watcher (each after {@link WorkerMain#PREFIX}):
 * <ul>
 * <li>{@code ready}: the JUnit Platform is loaded, the worker waits for its run;</li>
 * <li>{@code started <test>}: a test starts (the watcher's deadline for it starts too);</li>
 * <li>{@code failed <text>}: a test failed, and with it the exercise; the text (the test,
 *     what went wrong, whether the check could not judge) is one line of Base64;</li>
 * <li>{@code passed}: every test of the exercise passed.</li>
 * </ul>
 */
final class WorkerMessage {

    static final String READY = "ready";
    static final String STARTED = "started";
    static final String FAILED = "failed";
    static final String PASSED = "passed";

    /** A failed test, as the worker sends it. */
    record Failure(String test, String whatWentWrong, boolean couldNotJudge) {
    }

    private WorkerMessage() {
    }

    static String failed(String test, String whatWentWrong, boolean couldNotJudge) {
        Properties failure = new Properties();
        failure.setProperty("test", test);
        failure.setProperty("what", whatWentWrong);
        failure.setProperty("aborted", Boolean.toString(couldNotJudge));
        StringWriter text = new StringWriter();
        try {
            failure.store(text, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return WorkerMain.PREFIX + FAILED + " "
                + Base64.getEncoder().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The failure in the text after {@code failed }. */
    static Failure failure(String encoded) {
        Properties failure = new Properties();
        try {
            failure.load(new StringReader(new String(Base64.getDecoder().decode(encoded.strip()), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Failure(failure.getProperty("test"), failure.getProperty("what"),
                Boolean.parseBoolean(failure.getProperty("aborted")));
    }
}
