package course.gil;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** With a GIL that takes turns ({@link RightAnswers}, not the learner's), the two threads take turns. */
class GilHandoffDemoIT {

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void twoCpuBoundThreadsTakeTurnsAndTheSharedCountStaysRight() throws InterruptedException {
        GilHandoffDemo.Outcome outcome = GilHandoffDemo.run(RightAnswers.switchingGil());
        List<GilHandoffDemo.Turn> turns = outcome.turns();

        assertThat(turns).hasSizeGreaterThanOrEqualTo(4);
        for (int i = 1; i < turns.size(); i++) {
            assertThat(turns.get(i).thread()).as("turn %d", i).isNotEqualTo(turns.get(i - 1).thread());
        }
        assertThat(outcome.heap().healthy()).as(outcome.heap().summary()).isTrue();
    }
}
