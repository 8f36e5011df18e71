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
import java.util.concurrent.Semaphore;

/**
 * Exercise cpuio.fetch, solved. One virtual thread per URI; a semaphore with
 * {@code maxInFlight} permits is taken before each request and given back in a {@code finally},
 * so a failed request frees its place too. The timeout is the request's own
 * ({@link HttpRequest.Builder#timeout}): when it passes, the client abandons the exchange and
 * closes its connection, and {@code send} throws {@code HttpTimeoutException}; it starts when the
 * request is sent, after the wait for a permit. Every failure becomes a result that says why,
 * and any status other than 200 is a failure. The client is the caller's: it is never closed.
 * The starter's javadoc lists every promise.
 */
public final class BoundedFetcher implements Fetcher {

    private final HttpClient client;

    public BoundedFetcher(HttpClient client) {
        this.client = client;
    }

    // tag::solution[]
    @Override
    public List<FetchResult> fetchAll(List<URI> uris, int maxInFlight, Duration timeout) throws InterruptedException {
        Semaphore inFlight = new Semaphore(maxInFlight);
        List<Future<FetchResult>> futures = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (URI uri : uris) {
                futures.add(threads.submit(() -> {
                    inFlight.acquire();
                    try {
                        return fetch(uri, timeout);
                    } finally {
                        inFlight.release();
                    }
                }));
            }
        }                                        // close() waits for every virtual thread
        List<FetchResult> results = new ArrayList<>();
        for (Future<FetchResult> future : futures) {
            results.add(future.resultNow());
        }
        return results;
    }

    private FetchResult fetch(URI uri, Duration timeout) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return FetchResult.failed(uri, "HTTP status " + response.statusCode());
            }
            return FetchResult.ok(uri, response.body());
        } catch (java.io.IOException e) {        // refused, reset, HttpTimeoutException, ...
            return FetchResult.failed(uri, e);
        }
    }
    // end::solution[]
}
