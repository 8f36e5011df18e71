package course.deadlock.exercises;

/**
 * Thrown into a transfer's thread by the check's accounts and locks once the check has seen
 * enough (a deadlock, a livelock, a hang) and wants the thread to end. An Error, so that an
 * answer's {@code catch (Exception e)} does not swallow it; its finally blocks still run and
 * release what it holds.
 */
final class Abandoned extends Error {

    private static final long serialVersionUID = 1L;

    Abandoned() {
        super("stopped by the check", null, false, false);
    }
}
