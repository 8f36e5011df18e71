package course.kit.watch;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Tells when the learner saves a Java file under the watched source roots. It listens to the
 * file system's change events; where none come (a network drive, or a platform whose Java
 * only polls, such as macOS, where a change may take seconds to be seen), it looks at the
 * files' modification times itself, a few times a second, and {@link #how()} says so.
 */
final class SaveWatcher implements AutoCloseable {

    static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    /** How long a test change in the probe directory may take to be reported before events count as absent. */
    private static final Duration PROBE_LIMIT = Duration.ofMillis(1500);
    /** An editor's save may come as several events: those this close together are one save. */
    private static final Duration SAME_SAVE = Duration.ofMillis(30);

    private final List<Path> roots;
    private final Consumer<Path> onSave;
    private final WatchService events;
    private final Thread thread;
    private final String how;

    /**
     * Watches {@code roots}; {@code probeDir} (on the same file system, not the learner's) is
     * where a test change checks that events come; {@code poll} polls without asking.
     */
    SaveWatcher(List<Path> roots, Path probeDir, boolean poll, Consumer<Path> onSave) {
        this.roots = roots;
        this.onSave = onSave;
        try {
            this.events = FileSystems.getDefault().newWatchService();
            boolean eventsCome = !poll && eventsCome(probeDir);
            if (eventsCome) {
                for (Path dir : directories()) {
                    dir.register(events, ENTRY_CREATE, ENTRY_MODIFY);
                }
                how = "watching your files for saves";
                thread = new Thread(this::deliverEvents, "watch-saves");
            } else {
                how = (poll ? "checking your files for saves" : "this file system reports no file changes:"
                        + " checking your files") + " every " + POLL_INTERVAL.toMillis() + " ms";
                thread = new Thread(this::poll, "watch-saves-polling");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        thread.setDaemon(true);
        thread.start();
    }

    /** How saves are noticed, in a few words for the screen. */
    String how() {
        return how;
    }

    private boolean eventsCome(Path probeDir) throws IOException {
        Files.createDirectories(probeDir);
        WatchKey probe = probeDir.register(events, ENTRY_CREATE, ENTRY_MODIFY);
        Path file = probeDir.resolve("save-probe");
        Files.writeString(file, Long.toString(System.nanoTime()));
        try {
            WatchKey key = events.poll(PROBE_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            return key != null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            probe.cancel();
            Files.deleteIfExists(file);
        }
    }

    private List<Path> directories() throws IOException {
        List<Path> dirs = new java.util.ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> tree = Files.walk(root)) {
                tree.filter(Files::isDirectory).forEach(dirs::add);
            }
        }
        return dirs;
    }

    private void deliverEvents() {
        try {
            while (true) {
                WatchKey key = events.take();
                Set<Path> saved = new LinkedHashSet<>();
                collect(key, saved);
                for (WatchKey more; (more = events.poll(SAME_SAVE.toMillis(), TimeUnit.MILLISECONDS)) != null; ) {
                    collect(more, saved);
                }
                saved.forEach(onSave);
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed
        }
    }

    private static void collect(WatchKey key, Set<Path> saved) {
        Path dir = (Path) key.watchable();
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.context() instanceof Path name && name.toString().endsWith(".java")) {
                saved.add(dir.resolve(name));
            }
        }
        key.reset();
    }

    private void poll() {
        Map<Path, FileTime> seen = snapshot();
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(POLL_INTERVAL.toMillis());
                Map<Path, FileTime> now = snapshot();
                now.forEach((file, time) -> {
                    if (!time.equals(seen.get(file))) {
                        onSave.accept(file);
                    }
                });
                seen.clear();
                seen.putAll(now);
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    private Map<Path, FileTime> snapshot() {
        Map<Path, FileTime> times = new HashMap<>();
        for (Path root : roots) {
            try (Stream<Path> tree = Files.walk(root)) {
                tree.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                    try {
                        times.put(f, Files.getLastModifiedTime(f));
                    } catch (IOException e) {
                        // saved just now by a rename: seen at the next look
                    }
                });
            } catch (IOException | UncheckedIOException e) {
                // a directory renamed away for a moment: looked at again next time
            }
        }
        return times;
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            events.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
