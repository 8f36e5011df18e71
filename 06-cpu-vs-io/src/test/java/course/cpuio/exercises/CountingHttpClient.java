package course.cpuio.exercises;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The HttpClient the fetch checks hand to an answer: it does what the client it wraps does, and
 * counts the requests the answer sends, and notes whether the answer closed it (it must not:
 * the client belongs to the caller). The server's own count is not the answer's: the JDK's
 * client may send a GET again by itself when a kept-alive connection fails under it (seen once
 * in 200 runs of a right answer: 31 requests for 30 URLs).
 */
final class CountingHttpClient extends HttpClient {

    private final HttpClient http;
    private final AtomicInteger sent = new AtomicInteger();
    private final Map<String, Long> firstSentNanos = new ConcurrentHashMap<>();
    private volatile String closedBy;

    CountingHttpClient(HttpClient http) {
        this.http = http;
    }

    /** Requests the answer has sent through {@code send} or {@code sendAsync}. */
    int sent() {
        return sent.get();
    }

    /** When the answer first sent a request for this path (System.nanoTime()), if it ever did. */
    OptionalLong sentNanos(String path) {
        Long nanos = firstSentNanos.get(path);
        return nanos == null ? OptionalLong.empty() : OptionalLong.of(nanos);
    }

    /** How the answer closed this client ("close()", "shutdown()", ...), or null if it did not. */
    String closedBy() {
        return closedBy;
    }

    private void count(HttpRequest request) {
        firstSentNanos.putIfAbsent(request.uri().getPath(), System.nanoTime());
        sent.incrementAndGet();
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        count(request);
        return http.send(request, handler);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
                                                            HttpResponse.BodyHandler<T> handler) {
        count(request);
        return http.sendAsync(request, handler);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
                                                            HttpResponse.PushPromiseHandler<T> pushPromises) {
        count(request);
        return http.sendAsync(request, handler, pushPromises);
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return http.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return http.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return http.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return http.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return http.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return http.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return http.authenticator();
    }

    @Override
    public Version version() {
        return http.version();
    }

    @Override
    public Optional<Executor> executor() {
        return http.executor();
    }

    @Override
    public WebSocket.Builder newWebSocketBuilder() {
        return http.newWebSocketBuilder();
    }

    @Override
    public void shutdown() {
        closedBy = "shutdown()";
        http.shutdown();
    }

    @Override
    public void shutdownNow() {
        closedBy = "shutdownNow()";
        http.shutdownNow();
    }

    @Override
    public boolean awaitTermination(Duration duration) throws InterruptedException {
        return http.awaitTermination(duration);
    }

    @Override
    public boolean isTerminated() {
        return http.isTerminated();
    }

    @Override
    public void close() {
        closedBy = "close()";
        http.close();
    }
}
