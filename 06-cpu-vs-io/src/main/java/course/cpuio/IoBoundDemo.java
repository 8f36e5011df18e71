package course.cpuio;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * The article's IO-bound experiment, and how far it goes. Requests go to a {@link LocalServer}
 * on 127.0.0.1 that takes {@code delay} to answer each, the time a remote service would take.
 * Sequentially, n requests take n times the delay. With threads, the waits overlap: a thread
 * waiting for an answer uses no CPU, on any JVM, as a Python thread waiting on IO gives up the
 * GIL. Little's law says how far it goes: requests in flight = throughput x time per request,
 * so with L requests in flight and a delay W, at most L / W requests are answered per second.
 */
public final class IoBoundDemo {

    /** One way of sending the requests: how many, how long they took, and how many came back right. */
    public record Run(String way, int requests, long nanos, int answeredRight, int serverPeak, String firstError) {
    }

    private IoBoundDemo() {
    }

    // tag::ways[]
    /** One request after another. */
    static ExecutorService sequential() {
        return Executors.newSingleThreadExecutor();
    }

    /** A pool of platform threads: each thread holds one request in flight. */
    static ExecutorService platformPool(int threads) {
        return Executors.newFixedThreadPool(threads);
    }

    /** A virtual thread per request: every request in flight at once, for the price of a few objects. */
    static ExecutorService virtualThreads() {
        return Executors.newVirtualThreadPerTaskExecutor();
    }
    // end::ways[]

    /** Sends {@code requests} requests to {@code server} through {@code way} and checks every answer. */
    public static Run run(String name, ExecutorService way, LocalServer server, HttpClient client, int requests)
            throws InterruptedException {
        return run(name, way, Integer.MAX_VALUE, server, client, requests);
    }

    /** The same, with at most {@code maxInFlight} requests in flight (a semaphore around each). */
    public static Run run(String name, ExecutorService way, int maxInFlight, LocalServer server, HttpClient client,
                          int requests) throws InterruptedException {
        Semaphore inFlight = new Semaphore(maxInFlight);
        List<Future<Boolean>> answers = new ArrayList<>();
        long start = System.nanoTime();
        try (way) {
            for (int i = 0; i < requests; i++) {
                URI uri = server.uri("/item/" + i);
                answers.add(way.submit(() -> {
                    inFlight.acquire();
                    try {
                        return answeredRight(client, uri);
                    } finally {
                        inFlight.release();
                    }
                }));
            }
        } // close() waits for every request
        long nanos = System.nanoTime() - start;
        int right = (int) answers.stream().filter(a -> a.state() == Future.State.SUCCESS && a.resultNow()).count();
        String firstError = answers.stream().filter(a -> a.state() == Future.State.FAILED)
                .map(a -> a.exceptionNow().toString()).findFirst().orElse("");
        return new Run(name, requests, nanos, right, server.peakInFlight(), firstError);
    }

    static boolean answeredRight(HttpClient client, URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 && response.body().equals(uri.getPath());
    }

    /** A fresh server per run, so its peak count belongs to that run alone. */
    public static Run runOnFreshServer(String name, ExecutorService way, Duration delay, HttpClient client,
                                       int requests) throws IOException, InterruptedException {
        return runOnFreshServer(name, way, Integer.MAX_VALUE, delay, client, requests);
    }

    public static Run runOnFreshServer(String name, ExecutorService way, int maxInFlight, Duration delay,
                                       HttpClient client, int requests) throws IOException, InterruptedException {
        try (LocalServer server = LocalServer.start(delay)) {
            return run(name, way, maxInFlight, server, client, requests);
        }
    }

    public static void main(String[] args) throws Exception {
        Duration delay = Duration.ofMillis(100);
        try (HttpClient client = HttpClient.newHttpClient()) {
            runOnFreshServer("warm-up", virtualThreads(), Duration.ZERO, client, 50);
            List<Run> runs = List.of(
                    runOnFreshServer("sequential", sequential(), delay, client, 4),
                    runOnFreshServer("4 platform threads", platformPool(4), delay, client, 4),
                    runOnFreshServer("100 platform threads", platformPool(100), delay, client, 100),
                    runOnFreshServer("virtual threads", virtualThreads(), delay, client, 100),
                    runOnFreshServer("100 platform threads", platformPool(100), delay, client, 1_000),
                    runOnFreshServer("virtual threads", virtualThreads(), delay, client, 1_000));
            System.out.printf("each request takes %d ms at the server%n", delay.toMillis());
            for (Run run : runs) {
                double seconds = run.nanos() / 1e9;
                System.out.printf("  %-21s %,6d requests  %6.2f s  %,7.0f req/s  peak in flight %,5d  (Little: at most %,.0f req/s)  %s%n",
                        run.way(), run.requests(), seconds, run.requests() / seconds, run.serverPeak(),
                        run.serverPeak() / (delay.toMillis() / 1000.0),
                        run.answeredRight() == run.requests() ? "all answered" : run.answeredRight() + " answered");
            }
        }
    }
}
