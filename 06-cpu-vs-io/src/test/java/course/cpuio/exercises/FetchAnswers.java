package course.cpuio.exercises;

import course.cpuio.FetchResult;
import course.cpuio.Fetcher;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Answers a learner might give to exercise cpuio.fetch, right and wrong, for {@code FetchCheckIT}. */
final class FetchAnswers {

    private FetchAnswers() {
    }

    /** The usual request: with the per-request timeout, status checked, exceptions reported. */
    static FetchResult send(HttpClient client, URI uri, Duration timeout) throws InterruptedException {
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).timeout(timeout).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? FetchResult.ok(uri, response.body())
                    : FetchResult.failed(uri, "status " + response.statusCode());
        } catch (IOException e) {
            return FetchResult.failed(uri, e);
        }
    }

    /** One virtual thread per URI running {@code task}; results in order. */
    static List<FetchResult> perUri(List<URI> uris, UriTask task) {
        List<Future<FetchResult>> futures = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (URI uri : uris) {
                futures.add(threads.submit(() -> task.fetch(uri)));
            }
        }
        return futures.stream().map(Future::resultNow).toList();
    }

    @FunctionalInterface
    interface UriTask {
        FetchResult fetch(URI uri) throws Exception;
    }

    // ---- wrong ----

    /** Virtual threads and a good request, but no limit at all. */
    static final class Unbounded implements Fetcher {
        private final HttpClient client;
        Unbounded(HttpClient client) { this.client = client; }
        public List<FetchResult> fetchAll(List<URI> uris, int maxInFlight, Duration timeout) {
            return perUri(uris, uri -> send(client, uri, timeout));
        }
    }

    /** The permit is held while the request is sent, not until its answer is in. */
    static final class PermitOnlyWhileSending implements Fetcher {
        private final HttpClient client;
        PermitOnlyWhileSending(HttpClient client) { this.client = client; }
        public List<FetchResult> fetchAll(List<URI> uris, int maxInFlight, Duration timeout) {
            Semaphore permits = new Semaphore(maxInFlight);
            return perUri(uris, uri -> {
                CompletableFuture<HttpResponse<String>> sent;
                permits.acquire();
                try {
                    sent = client.sendAsync(HttpRequest.newBuilder(uri).timeout(timeout).build(),
                            HttpResponse.BodyHandlers.ofString());
                } finally {
                    permits.release();
                }
                try {
                    HttpResponse<String> response = sent.get();
                    return response.statusCode() == 200 ? FetchResult.ok(uri, response.body())
                            : FetchResult.failed(uri, "status " + response.statusCode());
                } catch (ExecutionException e) {
                    return FetchResult.failed(uri, e.getCause());
                }
            });
        }
    }

    /** The semaphore made by the first call and kept in a field ("make it once"): a later call keeps the first call's limit. */
    static final class LimitKeptFromTheFirstCall implements Fetcher {
        private final HttpClient client;
        private Semaphore permits;
        LimitKeptFromTheFirstCall(HttpClient client) { this.client = client; }
        public List<FetchResult> fetchAll(List<URI> uris, int maxInFlight, Duration timeout) {
            if (permits == null) {
                permits = new Semaphore(maxInFlight);
            }
            return limitedBy(permits, uris, uri -> send(client, uri, timeout));
        }
    }

    /** One permit fewer than asked: maxInFlight - 1. */
    static final class OffByOneLimit implements Fetcher {
        private final HttpClient client;
        OffByOneLimit(HttpClient client) { this.client = client; }
        public List<FetchResult> fetchAll(List<URI> uris, int maxInFlight, Duration timeout) {
            Semaphore permits = new Semaphore(Math.max(1, maxInFlight - 1));
            return perUri(uris, uri -> {
                permits.acquire();
                try {
                    return send(client, uri, timeout);
                } finally {
                    permits.release();
                }
            });
        }
    }

    /** One at a time: safe, and no faster than the article's sequential loop. */
    static final class Sequential implements Fetcher {
        private final HttpClient client;
        Sequential(HttpClient client) { this.client = client; }
        public List<FetchResult> fetchAll(List<URI> uris, int maxInFlight, Duration timeout)
                throws InterruptedException {
            List<FetchResult> results = new ArrayList<>();
            for (URI uri : uris) {
                results.add(send(client, uri, timeout));
            }
            return results;
        }
    }

    /** No timeout on the request: a server that never answers holds fetchAll for ever. */
    static final class NoTimeout implements Fetcher {
        private final HttpClient client;
        NoTimeout(HttpClient client) { this.client = client; }
        public List<FetchResult> fetchAll(List<URI> uris, int maxInFlight, Duration timeout) {
            Semaphore permits = new Semaphore(maxInFlight);
            return perUri(uris, uri -> {
                permits.acquire();
                try {
                    HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).build(),
                            HttpResponse.BodyHandlers.ofString());
                    return response.statusCode() == 200 ? FetchResult.ok(uri, response.body())
                            : FetchResult.failed(uri, "status " + response.statusCode());
                } catch (IOException e) {
                    return FetchResult.failed(uri, e);
                } finally {
                    permits.release();
                }
            });
        }
    }

    /** Stops waiting after the timeout, but never cancels: the request runs on, its connection open. */
    static final class TimeoutLeavesRequestRunning implements Fetcher {
        private final HttpClient client;
        TimeoutLeavesRequestRunning(HttpClient client) { this.client = client; }
        public List<FetchResult> fetchAll(List<URI> uris, int maxInFlight, Duration timeout) {
            Semaphore permits = new Semaphore(maxInFlight);
            return perUri(uris, uri -> {
                permits.acquire();
                try {
                    CompletableFuture<HttpResponse<String>> sent = client.sendAsync(
                            HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
                    HttpResponse<String> response = sent.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                    return response.statusCode() == 200 ? FetchResult.ok(uri, response.body())
                            : FetchResult.failed(uri, "status " + response.statusCode());
                } catch (TimeoutException e) {
                    return FetchResult.failed(uri, "timed out");
                } catch (ExecutionException e) {
                    return FetchResult.failed(uri, e.getCause());
                } finally {
                    permits.release();
                }
            });
        }
    }

    /** One timeout for the whole batch (invokeAll with a timeout): slow batches lose good answers. */
    static final class TimeoutForTheWholeBatch implements Fetcher {
        private final HttpClient client;
        TimeoutForTheWholeBatch(HttpClient client) { this.client = client; }
        public List<FetchResult> fetchAll(List<URI> uris, int maxInFlight, Duration timeout)
                throws InterruptedException {
            Semaphore permits = new Semaphore(maxInFlight);
            List<Callable<FetchResult>> tasks = new ArrayList<>();
            for (URI uri : uris) {
                tasks.add(() -> {
                    permits.acquire();
                    try {
                        return send(client, uri, timeout);
                    } finally {
                        permits.release();
                    }
                });
            }
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<FetchResult>> futures = threads.invokeAll(tasks, timeout.toMillis(), TimeUnit.MILLISECONDS);
                List<FetchResult> results = new ArrayList<>();
                for (int i = 0; i < futures.size(); i++) {
                    try {
                        results.add(futures.get(i).get());
                    } catch (CancellationException | ExecutionException e) {
                        results.add(FetchResult.failed(uris.get(i), "timed out"));
                    }
                }
                return results;
            }
        }
    }

    /** Any exception becomes an empty answer: a failed request counts as done. */
    static final class SwallowsExceptions implements Fetcher {
        private final HttpClient client;
        SwallowsExceptions(HttpClient client) { this.client = client; }
        public List<FetchResult> fetchAll(List<URI> uris, int maxInFlight, Duration timeout) {
            Semaphore permits = new Semaphore(maxInFlight);
            return perUri(uris, uri -> {
                permits.acquire();
                try {
                    HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).timeout(timeout).build(),
                            HttpResponse.BodyHandlers.ofString());
                    return response.statusCode() == 200 ? FetchResult.ok(uri, response.body())
                            : FetchResult.failed(uri, "status " + response.statusCode());
                } catch (IOException e) {
                    return FetchResult.ok(uri, "");
                } finally {
                    permits.release();
                }
            });
        }
    }

    /** Any response counts as an answer, whatever its status. */
    static final class IgnoresTheStatus implements Fetcher {
        private final HttpClient client;
        IgnoresTheStatus(HttpClient client) { this.client = client; }
        public List<FetchResult> fetchAll(List<URI> uris, int maxInFlight, Duration timeout) {
            Semaphore permits = new Semaphore(maxInFlight);
            return perUri(uris, uri -> {
                permits.acquire();
                try {
                    return FetchResult.ok(uri, client.send(HttpRequest.newBuilder(uri).timeout(timeout).build(),
                            HttpResponse.BodyHandlers.ofString()).body());
                } catch (IOException e) {
                    return FetchResult.failed(uri, e);
                } finally {
                    permits.release();
                }
            });
        }
    }

    /** The permit is released after a success only: every failure keeps one for good. */
    static final class PermitLostOnFailure implements Fetcher {
        private final HttpClient client;
        PermitLostOnFailure(HttpClient client) { this.client = client; }
        public List<FetchResult> fetchAll(List<URI> uris, int maxInFlight, Duration timeout) {
            Semaphore permits = new Semaphore(maxInFlight);
            return perUri(uris, uri -> {
                permits.acquire();
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).timeout(timeout).build(),
                        HttpResponse.BodyHandlers.ofString());
                permits.release();
                return response.statusCode() == 200 ? FetchResult.ok(uri, response.body())
                        : FetchResult.failed(uri, "status " + response.statusCode());
            });
        }
    }

    /** An exception escapes: one failed request fails the whole batch. */
    static final class OneFailureFailsAll implements Fetcher {
        private final HttpClient client;
        OneFailureFailsAll(HttpClient client) { this.client = client; }
        public List<FetchResult> fetchAll(List<URI> uris, int maxInFlight, Duration timeout)
                throws InterruptedException {
            Semaphore permits = new Semaphore(maxInFlight);
            List<Future<FetchResult>> futures = new ArrayList<>();
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                for (URI uri : uris) {
                    futures.add(threads.submit(() -> {
                        permits.acquire();
                        try {
                            HttpResponse<String> response = client.send(
                                    HttpRequest.newBuilder(uri).timeout(timeout).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            return response.statusCode() == 200 ? FetchResult.ok(uri, response.body())
                                    : FetchResult.failed(uri, "status " + response.statusCode());
                        } finally {
                            permits.release();
                        }
                    }));
                }
            }
            List<FetchResult> results = new ArrayList<>();
            for (Future<FetchResult> future : futures) {
                try {
                    results.add(future.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a request failed", e.getCause());
                }
            }
            return results;
        }
    }

    /** Asks once to see the status, then again for the body: every URL is fetched twice. */
    static final class StatusThenBody implements Fetcher {
        private final HttpClient client;
        StatusThenBody(HttpClient client) { this.client = client; }
        public List<FetchResult> fetchAll(List<URI> uris, int maxInFlight, Duration timeout) {
            Semaphore permits = new Semaphore(maxInFlight);
            return perUri(uris, uri -> {
                permits.acquire();
                try {
                    HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).build();
                    int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    return status == 200 ? send(client, uri, timeout) : FetchResult.failed(uri, "status " + status);
                } catch (IOException e) {
                    return FetchResult.failed(uri, e);
                } finally {
                    permits.release();
                }
            });
        }
    }

    /** Only a server error (5xx) counts as a failure: a 404, a 204 or a 302 passes for an answer. */
    static final class ServerErrorsOnly implements Fetcher {
        private final HttpClient client;
        ServerErrorsOnly(HttpClient client) { this.client = client; }
        public List<FetchResult> fetchAll(List<URI> uris, int maxInFlight, Duration timeout) {
            return limited(uris, maxInFlight, uri -> sendJudging(client, uri, timeout, status -> status >= 500));
        }
    }

    /** Only an error status (4xx, 5xx) counts as a failure: a 204 or a 302 passes for an answer. */
    static final class ErrorStatusesOnly implements Fetcher {
        private final HttpClient client;
        ErrorStatusesOnly(HttpClient client) { this.client = client; }
        public List<FetchResult> fetchAll(List<URI> uris, int maxInFlight, Duration timeout) {
            return limited(uris, maxInFlight, uri -> sendJudging(client, uri, timeout, status -> status >= 400));
        }
    }

    /** A status other than 200 is a failure, but the reason does not say which status. */
    static final class StatusNotInTheReason implements Fetcher {
        private final HttpClient client;
        StatusNotInTheReason(HttpClient client) { this.client = client; }
        public List<FetchResult> fetchAll(List<URI> uris, int maxInFlight, Duration timeout) {
            return limited(uris, maxInFlight, uri -> {
                FetchResult result = send(client, uri, timeout);
                return result.isOk() || !result.error().startsWith("status") ? result
                        : FetchResult.failed(uri, "the server did not answer with OK");
            });
        }
    }

    /** Closes the client when done, as if it were its own. */
    static final class ClosesTheClient implements Fetcher {
        private final HttpClient client;
        ClosesTheClient(HttpClient client) { this.client = client; }
        public List<FetchResult> fetchAll(List<URI> uris, int maxInFlight, Duration timeout) {
            try (client) {
                return limited(uris, maxInFlight, uri -> send(client, uri, timeout));
            }
        }
    }

    /** Makes a client of its own and ignores the one it was given. */
    static final class OwnClient implements Fetcher {
        OwnClient(HttpClient client) { }
        public List<FetchResult> fetchAll(List<URI> uris, int maxInFlight, Duration timeout) {
            try (HttpClient own = HttpClient.newHttpClient()) {
                return limited(uris, maxInFlight, uri -> send(own, uri, timeout));
            }
        }
    }

    /** Tries a failed request once more: the failure is sent twice. */
    static final class RetriesAFailure implements Fetcher {
        private final HttpClient client;
        RetriesAFailure(HttpClient client) { this.client = client; }
        public List<FetchResult> fetchAll(List<URI> uris, int maxInFlight, Duration timeout) {
            return limited(uris, maxInFlight, uri -> {
                FetchResult first = send(client, uri, timeout);
                return first.isOk() ? first : send(client, uri, timeout);
            });
        }
    }

    /** A pool of min(maxInFlight, number of URIs) threads: none at all for no URIs. */
    static final class PoolSizedToTheUris implements Fetcher {
        private final HttpClient client;
        PoolSizedToTheUris(HttpClient client) { this.client = client; }
        public List<FetchResult> fetchAll(List<URI> uris, int maxInFlight, Duration timeout) {
            List<Future<FetchResult>> futures = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(maxInFlight, uris.size()))) {
                for (URI uri : uris) {
                    futures.add(pool.submit(() -> send(client, uri, timeout)));
                }
            }
            return futures.stream().map(Future::resultNow).toList();
        }
    }

    /** Gives the permit back in the catch and again in the finally: each failure adds a permit. */
    static final class ReleasesTwiceOnFailure implements Fetcher {
        private final HttpClient client;
        ReleasesTwiceOnFailure(HttpClient client) { this.client = client; }
        public List<FetchResult> fetchAll(List<URI> uris, int maxInFlight, Duration timeout) {
            Semaphore permits = new Semaphore(maxInFlight);
            return perUri(uris, uri -> {
                permits.acquire();
                try {
                    HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).timeout(timeout).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200) {
                        permits.release();
                        return FetchResult.failed(uri, "status " + response.statusCode());
                    }
                    return FetchResult.ok(uri, response.body());
                } catch (IOException e) {
                    permits.release();
                    return FetchResult.failed(uri, e);
                } finally {
                    permits.release();
                }
            });
        }
    }

    /** The timeout also bounds the wait for a permit: a request that waited its turn too long is never sent. */
    static final class TimeoutCoversTheWaitForAPermit implements Fetcher {
        private final HttpClient client;
        TimeoutCoversTheWaitForAPermit(HttpClient client) { this.client = client; }
        public List<FetchResult> fetchAll(List<URI> uris, int maxInFlight, Duration timeout) {
            Semaphore permits = new Semaphore(maxInFlight);
            return perUri(uris, uri -> {
                if (!permits.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    return FetchResult.failed(uri, "timed out waiting for a free slot");
                }
                try {
                    return send(client, uri, timeout);
                } finally {
                    permits.release();
                }
            });
        }
    }

    /** Results added to a shared list as they come in: in the order of the answers, not of the URIs. */
    static final class ResultsInArrivalOrder implements Fetcher {
        private final HttpClient client;
        ResultsInArrivalOrder(HttpClient client) { this.client = client; }
        public List<FetchResult> fetchAll(List<URI> uris, int maxInFlight, Duration timeout) {
            Semaphore permits = new Semaphore(maxInFlight);
            List<FetchResult> results = java.util.Collections.synchronizedList(new ArrayList<>());
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                for (URI uri : uris) {
                    threads.submit(() -> {
                        permits.acquire();
                        try {
                            results.add(send(client, uri, timeout));
                        } finally {
                            permits.release();
                        }
                        return null;
                    });
                }
            }
            return results;
        }
    }

    /** {@code send}, with {@code isFailure} deciding which statuses fail. */
    static FetchResult sendJudging(HttpClient client, URI uri, Duration timeout,
                                   java.util.function.IntPredicate isFailure) throws InterruptedException {
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).timeout(timeout).build(),
                    HttpResponse.BodyHandlers.ofString());
            return isFailure.test(response.statusCode()) ? FetchResult.failed(uri, "status " + response.statusCode())
                    : FetchResult.ok(uri, response.body());
        } catch (IOException e) {
            return FetchResult.failed(uri, e);
        }
    }

    /** One virtual thread per URI, at most {@code maxInFlight} running {@code task} at once. */
    static List<FetchResult> limited(List<URI> uris, int maxInFlight, UriTask task) {
        return limitedBy(new Semaphore(maxInFlight), uris, task);
    }

    /** One virtual thread per URI, each running {@code task} with a permit of {@code permits}. */
    static List<FetchResult> limitedBy(Semaphore permits, List<URI> uris, UriTask task) {
        return perUri(uris, uri -> {
            permits.acquire();
            try {
                return task.fetch(uri);
            } finally {
                permits.release();
            }
        });
    }

    // ---- right ----

    /** No semaphore: a fixed pool of maxInFlight platform threads is a limit too. */
    static final class FixedPlatformPool implements Fetcher {
        private final HttpClient client;
        FixedPlatformPool(HttpClient client) { this.client = client; }
        public List<FetchResult> fetchAll(List<URI> uris, int maxInFlight, Duration timeout) {
            List<Future<FetchResult>> futures = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(maxInFlight)) {
                for (URI uri : uris) {
                    futures.add(pool.submit(() -> send(client, uri, timeout)));
                }
            }
            return futures.stream().map(Future::resultNow).toList();
        }
    }

    /** sendAsync and a timed get; on timeout the future is cancelled, which aborts the exchange. */
    static final class AsyncWithCancel implements Fetcher {
        private final HttpClient client;
        AsyncWithCancel(HttpClient client) { this.client = client; }
        public List<FetchResult> fetchAll(List<URI> uris, int maxInFlight, Duration timeout) {
            Semaphore permits = new Semaphore(maxInFlight, true);
            return perUri(uris, uri -> {
                permits.acquire();
                CompletableFuture<HttpResponse<String>> sent = client.sendAsync(HttpRequest.newBuilder(uri).build(),
                        HttpResponse.BodyHandlers.ofString());
                try {
                    HttpResponse<String> response = sent.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                    return response.statusCode() == 200 ? FetchResult.ok(uri, response.body())
                            : FetchResult.failed(uri, "status " + response.statusCode());
                } catch (TimeoutException e) {
                    sent.cancel(true);
                    return FetchResult.failed(uri, "no answer within " + timeout.toMillis() + " ms");
                } catch (ExecutionException e) {
                    return FetchResult.failed(uri, e.getCause());
                } finally {
                    permits.release();
                }
            });
        }
    }

    /** Thread.ofVirtual and join, results in an array slot per URI. */
    static final class VirtualThreadsJoined implements Fetcher {
        private final HttpClient client;
        VirtualThreadsJoined(HttpClient client) { this.client = client; }
        public List<FetchResult> fetchAll(List<URI> uris, int maxInFlight, Duration timeout)
                throws InterruptedException {
            Semaphore permits = new Semaphore(maxInFlight);
            FetchResult[] results = new FetchResult[uris.size()];
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < uris.size(); i++) {
                int slot = i;
                threads.add(Thread.ofVirtual().start(() -> {
                    try {
                        permits.acquire();
                        try {
                            results[slot] = send(client, uris.get(slot), timeout);
                        } finally {
                            permits.release();
                        }
                    } catch (InterruptedException e) {
                        results[slot] = FetchResult.failed(uris.get(slot), e);
                    }
                }));
            }
            for (Thread thread : threads) {
                thread.join();
            }
            return List.of(results);
        }
    }

    /** The caller's loop takes the permit before it starts each thread; the thread gives it back. */
    static final class AcquireBeforeSubmit implements Fetcher {
        private final HttpClient client;
        AcquireBeforeSubmit(HttpClient client) { this.client = client; }
        public List<FetchResult> fetchAll(List<URI> uris, int maxInFlight, Duration timeout)
                throws InterruptedException {
            Semaphore permits = new Semaphore(maxInFlight);
            List<Future<FetchResult>> futures = new ArrayList<>();
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                for (URI uri : uris) {
                    permits.acquire();
                    futures.add(threads.submit(() -> {
                        try {
                            return send(client, uri, timeout);
                        } finally {
                            permits.release();
                        }
                    }));
                }
            }
            return futures.stream().map(Future::resultNow).toList();
        }
    }

    /** No threads of its own: sendAsync with the request's timeout; the permit goes back when the future completes. */
    static final class AsyncCallbacks implements Fetcher {
        private final HttpClient client;
        AsyncCallbacks(HttpClient client) { this.client = client; }
        public List<FetchResult> fetchAll(List<URI> uris, int maxInFlight, Duration timeout)
                throws InterruptedException {
            Semaphore permits = new Semaphore(maxInFlight);
            List<CompletableFuture<FetchResult>> results = new ArrayList<>();
            for (URI uri : uris) {
                permits.acquire();
                results.add(client.sendAsync(HttpRequest.newBuilder(uri).timeout(timeout).build(),
                                HttpResponse.BodyHandlers.ofString())
                        .handle((response, failure) -> failure != null ? FetchResult.failed(uri, failure)
                                : response.statusCode() == 200 ? FetchResult.ok(uri, response.body())
                                : FetchResult.failed(uri, "HTTP " + response.statusCode()))
                        .whenComplete((result, failure) -> permits.release()));
            }
            return results.stream().map(CompletableFuture::join).toList();
        }
    }
}
