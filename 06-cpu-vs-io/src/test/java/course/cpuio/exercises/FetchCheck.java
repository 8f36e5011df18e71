package course.cpuio.exercises;

import course.cpuio.FetchResult;
import course.cpuio.Fetcher;
import course.cpuio.LocalServer;
import course.kit.Workers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * The checks of exercise cpuio.fetch, for any {@link Fetcher} class with a {@code (HttpClient)}
 * constructor. Every request goes to a server on 127.0.0.1 that the check starts on a port the
 * system picks: a {@link LocalServer} that counts the requests in flight (and can hold them at a
 * latch, so the peak is seen on every run), or a {@link SilentServer} that never answers and
 * sees whether the client closed its connection. Nothing reaches the network.
 */
final class FetchCheck {

    static final Duration HANG_LIMIT = Duration.ofSeconds(5);

    private FetchCheck() {
    }

    static void all(Class<? extends Fetcher> answer) {
        fetchesNothing(answer);
        fetchesEveryUrl(answer);
        keepsToTheLimit(answer);
        reportsFailures(answer);
        timesOutSilentRequests(answer);
        timeoutIsPerRequest(answer);
    }

    /** No URLs: no results, no requests, no failure. */
    static void fetchesNothing(Class<? extends Fetcher> answer) {
        try (Client client = new Client(); Workers workers = Workers.named("fetch")) {
            List<FetchResult> results;
            try {
                results = workers.runTogether(1, HANG_LIMIT, i -> call(answer, client, List.of(), 3,
                        Duration.ofSeconds(5))).getFirst();
            } catch (AssertionError e) {
                throw new AssertionError("fetchAll " + (e.getCause() != null ? "threw " + e.getCause()
                        : "did not return") + " for an empty list of URLs: with nothing to fetch, return an empty"
                        + " list (a pool of zero threads, say, cannot be made)", e);
            }
            expectClientOpen(client);
            if (results == null || !results.isEmpty() || client.http.sent() != 0) {
                throw new AssertionError("fetchAll returned " + results + " and sent " + client.http.sent()
                        + " request(s) for an empty list of URLs: expected an empty list, and no request");
            }
        }
    }

    /**
     * Thirty URLs, four at a time: thirty answers, in order, each with its own body, each URL
     * requested once. The answer to the first URL is held until the 29 others have been answered
     * (or a second has passed), so results gathered in the order they came are out of order.
     */
    static void fetchesEveryUrl(Class<? extends Fetcher> answer) {
        CountDownLatch othersAnswered = new CountDownLatch(29);
        LocalServer.PathPause firstLast = path -> {
            if (path.equals("/item/0")) {
                othersAnswered.await(1, TimeUnit.SECONDS);
            } else {
                othersAnswered.countDown();
            }
        };
        try (LocalServer server = LocalServer.startPausing(Duration.ZERO, firstLast); Client client = new Client()) {
            List<URI> uris = items(server, 30);
            List<FetchResult> results = fetch(answer, client, uris, 4, Duration.ofSeconds(5), HANG_LIMIT,
                    "thirty requests to a server that answers at once, the first one last");
            if (client.http.sent() == 0) {
                throw new AssertionError("fetchAll sent none of its " + uris.size() + " requests through the HttpClient"
                        + " it was given (to its constructor): send every request through that client");
            }
            expectAnswered(results, uris);
            if (client.http.sent() != uris.size()) {
                throw new AssertionError("fetchAll sent " + client.http.sent() + " requests for " + uris.size()
                        + " URLs: each URL must be fetched exactly once");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // tag::limit[]
    /**
     * Two failing URLs, then twelve, at most three at once: the server holds every request for an
     * item until it has seen the peak. The failures go first, so a failure that does not give its
     * place back, or gives it back twice, shows in the peak. The fetcher has served a call with a
     * limit of one before: a limit is the call's, not the fetcher's.
     */
    static void keepsToTheLimit(Class<? extends Fetcher> answer) {
        int limit = 3;
        CountDownLatch open = new CountDownLatch(1);
        LocalServer.PathPause holdItems = path -> {
            if (path.startsWith("/item")) {
                open.await();
            }
        };
        try (LocalServer server = LocalServer.startPausing(Duration.ZERO, holdItems); Client client = new Client();
             Workers workers = Workers.named("fetch")) {
            List<URI> uris = new ArrayList<>(List.of(server.uri("/fail/a"), server.uri("/status/404")));
            uris.addAll(items(server, 12));
            List<List<FetchResult>> results = new ArrayList<>();
            List<Throwable> thrown = new ArrayList<>();
            Thread caller = workers.start("fetch-caller", () -> {
                try {
                    Fetcher fetcher = answer.getDeclaredConstructor(HttpClient.class).newInstance(client.http);
                    fetcher.fetchAll(List.of(server.uri("/status/404")), 1, Duration.ofSeconds(5)); // another limit first
                    results.add(fetcher.fetchAll(uris, limit, Duration.ofSeconds(5)));
                } catch (Throwable e) {
                    thrown.add(e);
                }
            });
            boolean reachedLimit = waitFor(() -> server.inFlight() >= limit, Duration.ofSeconds(1));
            waitFor(() -> server.inFlight() > limit, Duration.ofMillis(150)); // would one more come?
            int heldAtOnce = server.inFlight();
            open.countDown();
            workers.joinAll(List.of(caller), HANG_LIMIT);
            if (heldAtOnce > limit || server.peakInFlight() > limit) {
                throw new AssertionError(Math.max(heldAtOnce, server.peakInFlight()) + " requests were in flight at"
                        + " once with maxInFlight = " + limit + " (two failed requests went first): the limit was not"
                        + " kept. Take a permit before each request and give it back once, when its answer (or"
                        + " failure) is in");
            }
            if (!reachedLimit) {
                throw new AssertionError("with maxInFlight = " + limit + " and " + uris.size() + " URLs, only "
                        + server.peakInFlight() + " request(s) were ever in flight at once: the limit is there to"
                        + " be used, up to " + limit + " at the same time. (The first two requests failed: a failed"
                        + " request that keeps its permit would show as this too. And the same fetcher had served a"
                        + " call with maxInFlight = 1 just before: a limit kept from an earlier call, in a field, would"
                        + " show as this too; each call has its own limit.)");
            }
            if (!thrown.isEmpty()) {
                throw new AssertionError("fetchAll threw " + thrown.getFirst(), thrown.getFirst());
            }
            expectSize(results.getFirst(), uris);
            expectAnswered(results.getFirst().subList(2, uris.size()), uris.subList(2, uris.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
    // end::limit[]

    /**
     * Statuses 500, 404, 204, 201 and 302, three refused connections and good answers, with more
     * failures than permits (an answer that loses a permit on a refused connection runs out of them): every failure reported with its reason (the status, for a status), every URL
     * requested once.
     */
    static void reportsFailures(Class<? extends Fetcher> answer) {
        try (LocalServer server = LocalServer.startOrFail(Duration.ZERO); Client client = new Client()) {
            URI refused = refusedUri();
            List<URI> uris = List.of(server.uri("/fail/1"), refused, server.uri("/status/404"), refused,
                    server.uri("/status/204"), refused, server.uri("/status/201"), server.uri("/status/302"),
                    server.uri("/item/8"), server.uri("/item/9"));
            int failures = 8;
            List<FetchResult> results = fetch(answer, client, uris, 2, Duration.ofSeconds(5), Duration.ofSeconds(2),
                    "ten requests, eight of them failing, three of them refused, at most two at once (does a failed"
                            + " request give its place back?)");
            expectSize(results, uris);
            for (int i = 0; i < uris.size(); i++) {
                FetchResult result = results.get(i);
                URI uri = uris.get(i);
                String status = uri.getPath().startsWith("/fail") ? "500" : uri.getPath().startsWith("/status/")
                        ? uri.getPath().substring("/status/".length()) : null;
                if (i < failures && result.isOk()) {
                    String why = uri == refused ? "its connection was refused (nobody listens on that port)"
                            : "the server answered with status " + status;
                    throw new AssertionError("the request to " + uri + " failed (" + why + "), yet its result says it"
                            + " was answered, with body \"" + result.body() + "\": a failure must be reported as"
                            + " FetchResult.failed, with its reason, never swallowed. Any status other than 200 is a"
                            + " failure, 2xx and 3xx too");
                }
                if (i >= failures && !result.isOk()) {
                    throw new AssertionError("the request to " + uri + " was answered with status 200, but its result"
                            + " says it failed: " + result.error());
                }
                if (status != null && !result.error().contains(status)) {
                    throw new AssertionError("the result of a request answered with status " + status + " gives the"
                            + " reason \"" + result.error() + "\": say which status came back");
                }
            }
            if (client.http.sent() != uris.size()) {
                throw new AssertionError("fetchAll sent " + client.http.sent() + " requests for " + uris.size()
                        + " URLs, eight of which fail: each URL must be requested exactly once; a failure is"
                        + " reported, not tried again");
            }
        }
    }

    // tag::timeout[]
    /** Two requests to a server that never answers: they fail as timed out, and their connections close. */
    static void timesOutSilentRequests(Class<? extends Fetcher> answer) {
        Duration timeout = Duration.ofMillis(150);
        try (LocalServer server = LocalServer.startOrFail(Duration.ZERO); SilentServer silent = new SilentServer();
             Client client = new Client().warmedUpOn(server)) {
            List<URI> uris = List.of(silent.uri("/never/1"), silent.uri("/never/2"));
            List<FetchResult> results = fetch(answer, client, uris, 4, timeout, timeout.plus(Duration.ofSeconds(2)),
                    "two requests go to a server that never answers, and each request has " + timeout.toMillis()
                            + " ms: is the timeout given to each request (HttpRequest.Builder.timeout)?");
            expectSize(results, uris);
            for (int i = 0; i < uris.size(); i++) {
                if (results.get(i).isOk()) {
                    throw new AssertionError("the request to " + uris.get(i) + " was never answered, yet its result"
                            + " says it was: it must fail as timed out");
                }
            }
            if (!waitFor(() -> silent.openConnections() == 0, Duration.ofMillis(500))) {
                throw new AssertionError("fetchAll returned, but " + silent.openConnections() + " request(s) that"
                        + " timed out are still running: their connections are still open half a second later. A"
                        + " timeout must abandon the request (the request's own timeout does; so does cancelling"
                        + " the future of sendAsync), not just stop waiting for it");
            }
        }
    }
    // end::timeout[]

    /**
     * Eight requests of 100 ms each, two at a time, each with 250 ms: the four rounds take 400 ms,
     * longer than one timeout. With a timeout per request all are answered. With one timeout for
     * the whole batch, the last round is still waiting for its turn when that timeout fires, and
     * is never sent (and the round before is cut off well within its own timeout): that is what
     * the check looks for, so a busy machine, which only makes the rounds slower, cannot make it
     * pass wrong code. A request that timed out after it had its whole timeout is not blamed on
     * the answer: on a busy machine even a 100 ms request can take longer.
     */
    static void timeoutIsPerRequest(Class<? extends Fetcher> answer) {
        Duration delay = Duration.ofMillis(100);
        Duration timeout = Duration.ofMillis(250);
        // The client is warmed up on a server without the delay: the same classes loaded, 100 ms sooner.
        try (LocalServer quick = LocalServer.startOrFail(Duration.ZERO); LocalServer server = LocalServer.startOrFail(delay);
             Client client = new Client().warmedUpOn(quick)) {
            List<URI> uris = items(server, 8);
            List<FetchResult> results = fetch(answer, client, uris, 2, timeout, HANG_LIMIT,
                    "eight requests of " + delay.toMillis() + " ms, two at a time");
            long returned = System.nanoTime();
            expectSize(results, uris);
            for (int i = 0; i < results.size(); i++) {
                FetchResult result = results.get(i);
                if (result.isOk()) {
                    expectAnswered(List.of(result), List.of(uris.get(i)));
                    continue;
                }
                // Timed from when the answer handed the request to the client (the client's own timer starts
                // later), not from when the server saw it: on a busy machine a request may reach the server late.
                OptionalLong sent = client.http.sentNanos(uris.get(i).getPath());
                boolean hadItsWholeTimeout = sent.isPresent() && returned - sent.getAsLong() >= timeout.toNanos();
                if (!hadItsWholeTimeout) {
                    throw new AssertionError("each request took about " + delay.toMillis() + " ms and had "
                            + timeout.toMillis() + " ms, but the request to " + uris.get(i) + " failed ("
                            + result.error() + ") " + (sent.isEmpty() ? "without ever being sent"
                            : "less than " + timeout.toMillis() + " ms after it was sent")
                            + ". The timeout is for each request, counted from when it is sent; eight requests two at"
                            + " a time take about " + 4 * delay.toMillis() + " ms together, longer than one timeout");
                }
            }
        }
    }

    // ---- helpers ----

    /**
     * Loads the HTTP client and server, so that the first check does not pay for class loading
     * inside a timeout. (The threads the JVM starts behind virtual threads, once, and keeps are
     * never blamed on the answer: the test kit and {@link NewThreads} know them.)
     */
    static void warmUp() {
        try (LocalServer server = LocalServer.startOrFail(Duration.ZERO); Client client = new Client()) {
            client.warmedUpOn(server);
        }
    }

    /**
     * An HttpClient owned by the check, shut down hard at the end so nothing outlives it, that
     * counts the requests the answer sends through it ({@link CountingHttpClient}; the warm-up
     * request goes around the count). Every request of the checks is plain HTTP to 127.0.0.1, so
     * the client gets a TLS context that is never used ({@link #PLAIN_HTTP_ONLY}): without one it
     * would set up the JDK's TLS machinery, a quarter of a second of the first test's time, for nothing.
     */
    static final class Client implements AutoCloseable {
        private final HttpClient plain = HttpClient.newBuilder().sslContext(PLAIN_HTTP_ONLY).build();
        final CountingHttpClient http = new CountingHttpClient(plain);

        /**
         * One request before the check begins: in a fresh JVM the first request loads the
         * client's classes, which can take longer than a short timeout on a busy machine.
         */
        Client warmedUpOn(LocalServer server) {
            try {
                plain.send(HttpRequest.newBuilder(server.uri("/warm-up")).build(), HttpResponse.BodyHandlers.discarding());
                return this;
            } catch (IOException e) {
                throw new UncheckedIOException("the local test server did not answer", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }

        @Override
        public void close() {
            plain.shutdownNow();
            try {
                if (!plain.awaitTermination(Duration.ofSeconds(2))) {
                    throw new AssertionError("the HttpClient did not stop within 2 s after shutdownNow");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A TLS context for a client that only ever speaks plain HTTP: any use of it throws. */
    static final SSLContext PLAIN_HTTP_ONLY = new SSLContext(new SSLContextSpi() {
        @Override
        protected void engineInit(KeyManager[] keys, TrustManager[] trust, SecureRandom random) {
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            throw new UnsupportedOperationException("the checks speak plain HTTP only");
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            throw new UnsupportedOperationException("the checks speak plain HTTP only");
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            throw new UnsupportedOperationException("the checks speak plain HTTP only");
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            throw new UnsupportedOperationException("the checks speak plain HTTP only: no TLS to " + host);
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return null;
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return null;
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return new SSLParameters();
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return new SSLParameters();
        }
    }, null, "none") {
    };

    static List<FetchResult> fetch(Class<? extends Fetcher> answer, Client client, List<URI> uris, int limit,
                                   Duration timeout, Duration deadline, String situation) {
        try (Workers workers = Workers.named("fetch")) {
            List<FetchResult> results = workers.runTogether(1, deadline, i -> call(answer, client, uris, limit, timeout))
                    .getFirst();
            expectClientOpen(client);
            return results;
        } catch (AssertionError e) {
            if (client.http.closedBy() != null) {
                expectClientOpen(client);
            }
            if (e.getCause() != null) {
                throw new AssertionError("fetchAll threw " + e.getCause() + " (" + situation + "): a failed request"
                        + " must become a FetchResult.failed, and the other requests go on", e.getCause());
            }
            throw new AssertionError("fetchAll did not return within " + deadline.toMillis() + " ms (" + situation
                    + ")\n" + e.getMessage(), e);
        }
    }

    /** The HttpClient belongs to the caller: fetchAll must leave it open. */
    static void expectClientOpen(Client client) {
        if (client.http.closedBy() != null) {
            throw new AssertionError("fetchAll called " + client.http.closedBy() + " on the HttpClient it was given:"
                    + " the client belongs to the caller, who may send more requests with it. Close only what you"
                    + " create (your threads), never what you are given");
        }
    }

    static List<FetchResult> call(Class<? extends Fetcher> answer, Client client, List<URI> uris, int limit,
                                  Duration timeout) {
        try {
            Fetcher fetcher = answer.getDeclaredConstructor(HttpClient.class).newInstance(client.http);
            return fetcher.fetchAll(uris, limit, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create a " + answer.getSimpleName() + "(HttpClient)", e);
        }
    }

    static List<URI> items(LocalServer server, int count) {
        List<URI> uris = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            uris.add(server.uri("/item/" + i));
        }
        return uris;
    }

    static void expectSize(List<FetchResult> results, List<URI> uris) {
        if (results == null || results.size() != uris.size()) {
            throw new AssertionError("fetchAll returned " + (results == null ? "null" : results.size() + " results")
                    + " for " + uris.size() + " URLs: one result per URL, answered or failed");
        }
    }

    static void expectAnswered(List<FetchResult> results, List<URI> uris) {
        expectSize(results, uris);
        for (int i = 0; i < uris.size(); i++) {
            FetchResult result = results.get(i);
            if (!result.uri().equals(uris.get(i))) {
                throw new AssertionError("result " + i + " is for " + result.uri() + ", but URL " + i + " is "
                        + uris.get(i) + ": return the results in the order of the URLs");
            }
            if (!result.isOk()) {
                throw new AssertionError("the request to " + uris.get(i) + " failed: " + result.error());
            }
            if (!uris.get(i).getPath().equals(result.body())) {
                throw new AssertionError("the answer to " + uris.get(i) + " has body \"" + result.body()
                        + "\", but the server sent \"" + uris.get(i).getPath() + "\"");
            }
        }
    }

    /** A URI on 127.0.0.1 where nobody listens: connecting to it is refused at once. */
    static URI refusedUri() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/refused");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean waitFor(java.util.function.BooleanSupplier condition, Duration patience) {
        long end = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                return false;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
