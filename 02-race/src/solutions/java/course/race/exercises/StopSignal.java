package course.race.exercises;

import course.race.Signal;

/**
 * Exercise race.stop-signal, solved with one {@code volatile} field. A volatile read cannot be
 * hoisted out of a loop, so the spinning thread sees the stop; and a write to a volatile field
 * publishes every write before it, so whoever sees {@code stopped == true} also sees the reason.
 * The order matters: the reason is written first, the flag last.
 */
public final class StopSignal implements Signal {

    // tag::solution[]
    private volatile boolean stopped;
    private String reason; // published by the volatile write of stopped that follows it

    @Override
    public void stop(String why) {
        reason = why;
        stopped = true;
    }
    // end::solution[]

    @Override
    public boolean isStopped() {
        return stopped;
    }

    @Override
    public String reason() {
        return reason;
    }
}
