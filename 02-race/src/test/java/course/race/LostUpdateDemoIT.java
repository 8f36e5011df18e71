package course.race;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The article's program is a natural race: how much it loses differs from run to run, and the
 * book shows the spread (see {@code .ci/race-distribution}). What must hold on every run is
 * asserted here: no counter counts more than was added, and the atomic-free counters are the
 * article's program with the article's numbers.
 */
class LostUpdateDemoIT {

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void theArticlesProgramRunsFiveThreadsOfAMillion() {
        assertThat(LostUpdateDemo.THREADS).isEqualTo(5);
        assertThat(LostUpdateDemo.INCREMENTS_PER_THREAD).isEqualTo(1_000_000);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aVolatileCounterNeverCountsMoreThanWasAdded() throws InterruptedException {
        long count = LostUpdateDemo.run(new VolatileCounter());

        assertThat(count).isPositive().isLessThanOrEqualTo(5_000_000L);
    }

    /** The README's demo command passes one empty argument; -Ddemo.args="1 plain" passes one with a space. */
    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void mainTakesWhatTheDemoCommandPasses() {
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, UTF_8));
        try {
            assertThatCode(() -> LostUpdateDemo.main(new String[] {""})).doesNotThrowAnyException();
            assertThatCode(() -> LostUpdateDemo.main(new String[] {"1 plain"})).doesNotThrowAnyException();
        } finally {
            System.setOut(out);
        }
        // five runs of each counter by default, then one run of the plain counter only
        assertThat(printed.toString(UTF_8).lines().filter(line -> line.startsWith("PlainCounter"))).hasSize(5 + 1);
        assertThat(printed.toString(UTF_8).lines().filter(line -> line.startsWith("VolatileCounter"))).hasSize(5);
    }
}
