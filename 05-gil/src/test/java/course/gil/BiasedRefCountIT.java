package course.gil;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The lesson's biased count, on the programs it is used with: each thread's own object, and one
 * shared object used by every thread. And its known gap, which the heap's checker reports.
 */
class BiasedRefCountIT {

    @Test
    void theOwnerCountsAloneAndFreesAtZero() {
        BiasedRefCount count = new BiasedRefCount();
        count.increment();
        assertThat(count.get()).isEqualTo(2);
        assertThat(count.decrement()).isFalse();
        assertThat(count.decrement()).isTrue();
        assertThat(count.get()).isZero();
    }

    @RepeatedTest(3)
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void fourThreadsWithAnObjectEachLeaveTheHeapHealthy() throws InterruptedException {
        Interpreter interpreter = Interpreter.builder(new NoGil()).counts(BiasedRefCount::new).build();
        Interpreter.Run run = interpreter.runThreads(List.of(
                Programs.countdownOwnObject(2, 100_000, 0), Programs.countdownOwnObject(2, 100_000, 1),
                Programs.countdownOwnObject(2, 100_000, 2), Programs.countdownOwnObject(2, 100_000, 3)));

        assertThat(run.heap().healthy()).as(run.heap().summary()).isTrue();
        assertThat(run.heap().created()).isEqualTo(4);
        assertThat(run.heap().freed()).isEqualTo(4);
    }

    @RepeatedTest(3)
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void twoThreadsUsingAnObjectTheyDoNotOwnLeaveItsCountRight() throws InterruptedException {
        Interpreter interpreter = Interpreter.builder(new NoGil()).counts(BiasedRefCount::new).build();
        interpreter.share(0); // made by this thread: the interpreter threads are not its owner
        Interpreter.Run run = interpreter.runThreads(List.of(
                Programs.countdown(1, 200_000, 0), Programs.countdown(1, 200_000, 0)));

        assertThat(run.heap().healthy()).as(run.heap().summary()).isTrue();
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void withoutPep703sQueueAnObjectLetGoByAnotherThreadIsNeverFreedAndTheCheckerSaysSo()
            throws InterruptedException {
        Interpreter interpreter = Interpreter.builder(new NoGil()).counts(BiasedRefCount::new).build();
        interpreter.share(0); // this thread owns it, and its local count holds the variable's reference
        Program delX = Program.builder().function("main", 0, 0).del(0).push(0).ret().build();
        Interpreter.Run run = interpreter.runThreads(List.of(delX)); // another thread drops that reference

        assertThat(run.heap().neverFreed()).isEqualTo(1);
        assertThat(run.heap().healthy()).isFalse();
    }
}
