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
 * <p>Fetch every URI with the {@link HttpClient} given to the constructor (do not close it: it
 * belongs to the caller), one virtual thread per request, with at most {@code maxInFlight}
 * requests in flight at any moment (a {@link java.util.concurrent.Semaphore} does it). Give
 * each request {@code timeout} to be answered; a request that takes longer must fail as timed
 * out, and must not keep running after {@code fetchAll} returns. Report every failure as a
 * {@link FetchResult#failed} result with its reason: an exception, a timeout, or a status
 * other than 200. Never let a failure pass for an answer, and never let one failure stop the
 * other requests. Return the results in the order of the URIs.
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
