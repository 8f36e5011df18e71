package course.race;

/** A one-shot stop signal with a reason: what exercise race.stop-signal implements. */
public interface Signal {

    /** Asks whoever watches this signal to stop, and says why. */
    void stop(String why);

    /** Has {@link #stop(String)} been called? */
    boolean isStopped();

    /** The reason given to {@link #stop(String)}, or null before it. */
    String reason();
}
