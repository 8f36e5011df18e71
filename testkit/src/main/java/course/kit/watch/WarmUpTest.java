package course.kit.watch;

import org.junit.jupiter.api.Test;

/**
 * The test a worker JVM runs while it waits for the learner's save (see {@link WorkerMain}), so
 * that the JUnit machinery an exercise's run goes through is loaded by then. It is in the kit's
 * main classes, where no build looks for tests.
 */
class WarmUpTest {

    @Test
    void runs() {
        // nothing: only the running counts
    }
}
