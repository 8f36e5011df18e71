package course.locks.exercises;

import course.kit.Exercise;
import course.locks.BlockingBuffer;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Exercise locks.buffer: the learner's {@link BoundedBuffer} must pass every {@link BufferCheck}. */
@Exercise("locks.buffer")
class BufferTest {

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final Class<? extends BlockingBuffer<String>> ANSWER = (Class) BoundedBuffer.class;

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void worksOnOneThread() {
        BufferCheck.worksAlone(ANSWER);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aTakerWaitsForAnItem() {
        BufferCheck.takerWaitsForAnItem(ANSWER);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aPutterWaitsForRoom() {
        BufferCheck.putterWaitsForRoom(ANSWER);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void onlyOneThreadUsesTheShelfAtATime() {
        BufferCheck.oneThreadAtATime(ANSWER);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aWokenTakerLooksAgainBeforeTaking() {
        BufferCheck.wokenTakerChecksAgain(ANSWER);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void noWakeUpIsLostWhenTakersAndPuttersWait() {
        BufferCheck.noWakeUpIsLost(ANSWER);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void everyPutWakesATakerAndEveryTakeAPutter() {
        BufferCheck.everyChangeWakesAWaiter(ANSWER);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aWaitingTakerStopsWhenInterrupted() {
        BufferCheck.waitingTakerCanBeInterrupted(ANSWER);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aWaitingPutterGivesUpWhenInterrupted() {
        BufferCheck.waitingPutterCanBeInterrupted(ANSWER);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void servesTheItemsAlreadyOnTheShelf() {
        BufferCheck.servesTheItemsAlreadyOnTheShelf(ANSWER);
    }
}
