package course.gil;

import course.gil.exercises.ExternalCallsAnswers;
import course.gil.exercises.GilAnswers;
import course.gil.exercises.RefCountAnswers;
import java.time.Duration;

/**
 * What the demo proofs run where the demos' {@code main} runs the learner's classes: right answers
 * from the exercises' answer catalogues, which their {@code *CheckIT} prove right. So a demo's
 * proof passes on the starter as on the solutions, and proves the demo, not the learner's work.
 */
final class RightAnswers {

    static final Duration SWITCH_INTERVAL = Duration.ofMillis(5);

    private RightAnswers() {
    }

    /** A GIL that takes turns (exercise gil.lock): a monitor with a timed wait. */
    static Gil switchingGil() {
        return new GilAnswers.MonitorGil(SWITCH_INTERVAL);
    }

    /** IO and native calls that give the GIL up where they may (exercise gil.release). */
    static ExternalCalls releasingCalls(Gil gil) {
        return new ExternalCallsAnswers.TryFinallyEach(gil);
    }

    /** An atomic reference count (exercise gil.atomic-count). */
    static RefCount atomicCount() {
        return new RefCountAnswers.AtomicLongCount();
    }
}
