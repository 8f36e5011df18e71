package course.cpuio;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on this machine, for IO-bound experiments that reach no network: the JDK's
 * own {@code com.sun.net.httpserver.HttpServer}, bound to 127.0.0.1 on a port the system picks.
 *
 * <p>Every request waits {@code delay} before it is answered (the time a remote service would
 * take), then gets status 200 and its own path as the body; a path that starts with
 * {@code /fail} gets status 500 instead, and {@code /status/NNN} gets status NNN. The server counts the requests in flight and remembers
 * the highest count it saw: how many requests a client really had open at once. Each request
 * is handled on a virtual thread of its own, so the server never limits the concurrency.
 */
public final class LocalServer implements AutoCloseable {

    /** Something a request waits for before it is answered (the tests hold requests with it). */
    @FunctionalInterface
    public interface Pause {
        void await() throws InterruptedException;
    }

    /** Something a request for {@code path} waits for before it is answered. */
    @FunctionalInterface
    public interface PathPause {
        void await(String path) throws InterruptedException;
    }

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    private final Duration delay;
    private final PathPause pause;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();

    private LocalServer(Duration delay, PathPause pause) throws IOException {
        this.delay = delay;
        this.pause = pause;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        server.createContext("/", this::handle);
        server.setExecutor(handlers);
        server.start();
    }

    /** A server that answers every request after {@code delay}. */
    public static LocalServer start(Duration delay) throws IOException {
        return new LocalServer(delay, path -> { });
    }

    /** A server whose requests also wait for {@code pause} before they are answered. */
    public static LocalServer start(Duration delay, Pause pause) throws IOException {
        return new LocalServer(delay, path -> pause.await());
    }

    /** A server whose requests also wait for {@code pause}, which is told each request's path. */
    public static LocalServer startPausing(Duration delay, PathPause pause) throws IOException {
        return new LocalServer(delay, pause);
    }

    /** The URI of {@code path} on this server, e.g. {@code uri("/item/7")}. */
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** Requests that have arrived and are not answered yet. */
    public int inFlight() {
        return inFlight.get();
    }

    /** The most requests that were in flight at the same time. */
    public int peakInFlight() {
        return peak.get();
    }

    // tag::handler[]
    private void handle(HttpExchange exchange) throws IOException {
        int now = inFlight.incrementAndGet();
        peak.accumulateAndGet(now, Math::max);
        boolean counted = true;
        try (exchange) {
            Thread.sleep(delay);            // the remote service at work: no CPU is used
            String path = exchange.getRequestURI().getPath();
            pause.await(path);
            int status = statusFor(path);
            byte[] body = status == 204 ? new byte[0] : path.getBytes(StandardCharsets.UTF_8);
            inFlight.decrementAndGet();     // before the answer leaves: the client may send the next at once
            counted = false;
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (counted) {
                inFlight.decrementAndGet();
            }
        }
    }
    // end::handler[]

    /** 500 for {@code /fail...}, NNN for {@code /status/NNN}, else 200. */
    private static int statusFor(String path) {
        if (path.startsWith("/fail")) {
            return 500;
        }
        if (path.startsWith("/status/")) {
            return Integer.parseInt(path.substring("/status/".length()));
        }
        return 200;
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }

    /** Fails with a clear message when a server cannot be started (no free port, say). */
    public static LocalServer startOrFail(Duration delay) {
        try {
            return start(delay);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a local HTTP server on 127.0.0.1", e);
        }
    }
}
