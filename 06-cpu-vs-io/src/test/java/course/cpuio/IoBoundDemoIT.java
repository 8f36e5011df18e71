package course.cpuio;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every request is answered, by every way; and a pool of N platform threads never has more
 * than N requests in flight, while virtual threads have all of them in flight at once. The
 * server holds each request until all that may come are in, so the peak is seen on every run.
 */
class IoBoundDemoIT {

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void everyRequestIsAnswered() throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            for (var way : new String[] {"sequential", "pool", "virtual"}) {
                IoBoundDemo.Run run = IoBoundDemo.runOnFreshServer(way, switch (way) {
                    case "sequential" -> IoBoundDemo.sequential();
                    case "pool" -> IoBoundDemo.platformPool(10);
                    default -> IoBoundDemo.virtualThreads();
                }, Duration.ofMillis(5), client, 40);
                assertThat(run.answeredRight()).as(way).isEqualTo(40);
            }
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aPoolOfTenHoldsTenRequestsInFlightAndVirtualThreadsHoldThemAll() throws Exception {
        assertThat(peakInFlight(IoBoundDemo.platformPool(10), 10)).isEqualTo(10);
        assertThat(peakInFlight(IoBoundDemo.virtualThreads(), 50)).isEqualTo(50);
    }

    /** Sends 50 requests; the server answers none until {@code expected} are in flight (or 5 s passed). */
    private static int peakInFlight(java.util.concurrent.ExecutorService way, int expected) throws Exception {
        CountDownLatch enough = new CountDownLatch(expected);
        try (HttpClient client = HttpClient.newHttpClient();
             LocalServer server = LocalServer.start(Duration.ZERO, () -> {
                 enough.countDown();
                 enough.await(5, TimeUnit.SECONDS);
             })) {
            IoBoundDemo.Run run = IoBoundDemo.run("way", way, server, client, 50);
            assertThat(run.answeredRight()).isEqualTo(50);
            return run.serverPeak();
        }
    }
}
