package course.cpuio.exercises;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server that never answers: it accepts each connection on 127.0.0.1, reads the request, and
 * keeps quiet. It counts the connections the client still holds open, so a test can tell a
 * request that was abandoned (the client closed its connection) from one left running.
 * {@link #close()} closes every connection from this side, which frees any client still waiting.
 */
final class SilentServer implements AutoCloseable {

    private final ServerSocket listener;
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();

    SilentServer() {
        try {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1", e);
        }
        Thread.ofPlatform().name("silent-server").daemon(true).start(this::acceptLoop);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort() + path);
    }

    /** Connections accepted and not yet closed by the client. */
    int openConnections() {
        return open.get();
    }

    int acceptedConnections() {
        return accepted.get();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                connections.add(socket);
                open.incrementAndGet();
                accepted.incrementAndGet();
                Thread.ofPlatform().name("silent-connection").daemon(true).start(() -> readUntilClosed(socket));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void readUntilClosed(Socket socket) {
        try (InputStream in = socket.getInputStream()) {
            byte[] buffer = new byte[1024];
            while (in.read(buffer) >= 0) {
                // read the request and say nothing
            }
        } catch (IOException e) {
            // reset by the client, or closed by close(): either way the connection is gone
        } finally {
            open.decrementAndGet();
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
            for (Socket socket : connections) {
                socket.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
