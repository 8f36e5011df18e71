package course.cpuio.exercises;

import course.cpuio.FetchResult;
import course.cpuio.Fetcher;
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

/**
 * Exercise cpuio.fetch: fetch many URLs on virtual threads, at most K at once.
 *
 * <p>What {@code fetchAll} must do, for any number of URIs (none at all included):
 * <ul>
 *   <li>Send every request through the {@link HttpClient} given to the constructor, and leave it
 *       open (never close or shut it down: it belongs to the caller). Request each URI exactly
 *       once: a failure is reported, not tried again.
 *   <li>Run the requests on virtual threads (one per request), with at most {@code maxInFlight}
 *       in flight at any moment, and up to that many: a request waits for its turn only while
 *       {@code maxInFlight} others are in flight (a {@link java.util.concurrent.Semaphore} does
 *       it). A request that failed gives its place back, once.
 *   <li>Give each request {@code timeout} to be answered, counted from when it is sent (not
 *       from when {@code fetchAll} began, and not including the wait for its turn). A request
 *       that takes longer fails as timed out, and is abandoned: its connection is closed by the
 *       time {@code fetchAll} returns.
 *   <li>Return one result per URI, in the order of the URIs (not in the order the answers came):
 *       {@link FetchResult#ok} with the body for status 200, {@link FetchResult#failed} with its
 *       reason for anything else: an exception, a timeout, or any other status (a 404, a 500,
 *       but also a 204 or a 302), whose reason names the status. One failure never stops the
 *       other requests, and never passes for an answer.
 * </ul>
 *
 * <p>Run {@code ./mvnw test -pl 06-cpu-vs-io} to check your answer.
 */
public final class BoundedFetcher implements Fetcher {

    private final HttpClient client;

    public BoundedFetcher(HttpClient client) {
        this.client = client;
    }

    @Override
    public List<FetchResult> fetchAll(List<URI> uris, int maxInFlight, Duration timeout) throws InterruptedException {
        List<Future<FetchResult>> futures = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (URI uri : uris) {
                // TODO: nothing limits how many requests are in flight at once.
                futures.add(threads.submit(() -> fetch(uri)));
            }
        }
        List<FetchResult> results = new ArrayList<>();
        for (Future<FetchResult> future : futures) {
            results.add(future.resultNow());
        }
        return results;
    }

    private FetchResult fetch(URI uri) {
        // TODO: no timeout; a status of 500 counts as an answer; an exception is swallowed.
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return FetchResult.ok(uri, response.body());
        } catch (Exception e) {
            return FetchResult.ok(uri, "");
        }
    }
}
