package course.cpuio.exercises;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;

/**
 * The checks' one concession to a shared machine. A check that depends on timing (a request
 * answered within its timeout, two threads running at once) may only blame the answer when the
 * machine could have run it on time; when there is more runnable work than twice the cores,
 * the check skips itself with a reason instead of guessing.
 */
final class BusyMachine {

    private BusyMachine() {
    }

    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** More runnable work than twice the cores: a thread may wait long for a core, through no fault of its own. */
    static boolean tooBusy() {
        return loadAverage() > 2.0 * Runtime.getRuntime().availableProcessors();
    }

    /** Skips the check, saying why, if the machine is too busy and {@code evidence} says the answer was not at fault. */
    static void skipIfTooBusy(boolean evidence, String what) {
        if (evidence && tooBusy()) {
            Assumptions.abort(String.format(Locale.ROOT, "could not judge: %s, and the machine is too busy to tell"
                    + " why (load average %.1f on %d cores)", what, loadAverage(),
                    Runtime.getRuntime().availableProcessors()));
        }
    }
}
