package course.race.exercises;

import course.race.Signal;

/**
 * Exercise race.stop-signal: a stop signal that a spinning thread is sure to see.
 *
 * <p>One thread calls {@link #stop(String)}; another thread spins on {@link #isStopped()} and,
 * once it sees the stop, reads {@link #reason()}. Make sure the spinning thread sees the stop
 * (promptly, not "some day"), and then sees the reason that came with it.
 *
 * <p>Run {@code ./mvnw test -pl 02-race} to check your answer.
 */
public final class StopSignal implements Signal {

    private boolean stopped;
    private String reason;

    @Override
    public void stop(String why) {
        // TODO: nothing here makes these writes visible to a thread that spins on isStopped().
        reason = why;
        stopped = true;
    }

    @Override
    public boolean isStopped() {
        return stopped;
    }

    @Override
    public String reason() {
        return reason;
    }
}
