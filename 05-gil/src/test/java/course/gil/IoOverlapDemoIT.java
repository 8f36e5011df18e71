package course.gil;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Proves the overlap without timing: the device waits until the requests are all in flight at once.
 * Runs right answers for the GIL and the calls ({@link RightAnswers}), not the learner's.
 */
class IoOverlapDemoIT {

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void ioThatReleasesTheGilHasAllFourRequestsInFlightAtOnce() throws InterruptedException {
        CountDownLatch allInFlight = new CountDownLatch(IoOverlapDemo.REQUESTS);
        IoDevice waitsForTheOthers = request -> {
            allInFlight.countDown();
            allInFlight.await(10, TimeUnit.SECONDS);
            return request;
        };

        IoOverlapDemo.Outcome outcome = IoOverlapDemo.run(IoOverlapDemo.REQUESTS, RightAnswers.switchingGil(),
                RightAnswers::releasingCalls, waitsForTheOthers);

        assertThat(outcome.mostAtOnce()).isEqualTo(IoOverlapDemo.REQUESTS);
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void ioThatKeepsTheGilHasOneRequestInFlightAtATime() throws InterruptedException {
        IoDevice slow = request -> {
            Thread.sleep(5); // a request that takes a while: others could start meanwhile, if the GIL let them
            return request;
        };

        IoOverlapDemo.Outcome outcome = IoOverlapDemo.run(IoOverlapDemo.REQUESTS, RightAnswers.switchingGil(),
                HoldingCalls::new, slow);

        assertThat(outcome.mostAtOnce()).isEqualTo(1);
    }
}
