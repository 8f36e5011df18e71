package course.gil;

import static org.assertj.core.api.Assertions.assertThat;

import course.gil.exercises.GilReleasingCalls;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Proves the overlap without timing: the device waits until the requests are all in flight at once. */
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

        IoOverlapDemo.Outcome outcome = IoOverlapDemo.run(IoOverlapDemo.REQUESTS, GilReleasingCalls::new,
                waitsForTheOthers);

        assertThat(outcome.mostAtOnce()).isEqualTo(IoOverlapDemo.REQUESTS);
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void ioThatKeepsTheGilHasOneRequestInFlightAtATime() throws InterruptedException {
        IoOverlapDemo.Outcome outcome = IoOverlapDemo.run(IoOverlapDemo.REQUESTS, HoldingCalls::new,
                request -> {
                    Thread.sleep(5);
                    return request;
                });

        assertThat(outcome.mostAtOnce()).isEqualTo(1);
    }
}
