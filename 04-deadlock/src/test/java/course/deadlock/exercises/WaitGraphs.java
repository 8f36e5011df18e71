package course.deadlock.exercises;

import course.deadlock.exercises.WaitGraph.Kind;
import course.deadlock.exercises.WaitGraph.Lock;
import course.deadlock.exercises.WaitGraph.Node;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Makes the wait-for graphs of the detector's property check from a seed: random graphs of a few
 * threads, and graphs built from pieces (rings of every length, threads stuck behind a ring,
 * several threads waiting for one lock, chains that end in a thread that runs or waits for a
 * latch, threads waiting for a lock they hold, idle threads), in a random order for the JVM's
 * walk, with thread ids that say nothing about that order, sometimes with names shared by
 * several threads; then one of hundreds of threads, and one with a ring of four hundred.
 */
final class WaitGraphs {

    static final int RANDOM = 80;
    static final int BUILT = 80;
    static final int LARGE = 1;
    static final int LARGE_THREADS = 300;
    static final int DEEP_RING = 400;
    static final int DEEP_TAIL = 200;

    private WaitGraphs() {
    }

    /** Small graphs first (a failure is then small from the start), large ones last. */
    static List<WaitGraph> series(long seed) {
        Random random = new Random(seed);
        List<WaitGraph> graphs = new ArrayList<>();
        for (int i = 0; i < RANDOM; i++) {
            graphs.add(randomGraph(random, 1 + random.nextInt(9)));
        }
        for (int i = 0; i < BUILT; i++) {
            graphs.add(built(random, 1 + random.nextInt(3), 8, 3));
        }
        for (int i = 0; i < LARGE; i++) {
            Builder large = new Builder(random);
            while (large.size() < LARGE_THREADS) {
                large.piece(30, 20);
            }
            graphs.add(large.build());
        }
        Builder deep = new Builder(random);
        int[] ring = deep.ring(DEEP_RING);
        deep.tail(ring[random.nextInt(ring.length)], DEEP_TAIL);
        deep.ring(3);
        graphs.add(deep.build());
        return graphs;
    }

    /** {@code threads} threads holding a few random locks each; most wait for one of all those locks. */
    static WaitGraph randomGraph(Random random, int threads) {
        Builder graph = new Builder(random);
        List<Lock> pool = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = graph.thread();
            int held = random.nextInt(3);
            for (int l = 0; l < held; l++) {
                pool.add(graph.give(thread, random.nextBoolean() ? Kind.MONITOR : Kind.SYNCHRONIZER));
            }
        }
        for (int t = 0; t < threads; t++) {
            if (random.nextInt(10) < 7 && !pool.isEmpty()) {
                Lock lock = pool.get(random.nextInt(pool.size()));
                if (!graph.holds(t, lock)) { // (a thread waiting for its own lock is a piece of its own)
                    graph.wait(t, lock);
                }
            } else if (random.nextInt(4) == 0) {
                graph.wait(t, graph.latch());
            }
        }
        return graph.build();
    }

    /** {@code pieces} pieces of every kind, rings up to {@code longest}, tails up to {@code tails}. */
    static WaitGraph built(Random random, int pieces, int longest, int tails) {
        Builder graph = new Builder(random);
        for (int i = 0; i < pieces; i++) {
            graph.piece(longest, tails);
        }
        return graph.build();
    }

    /** Adds threads and locks to a graph, then shuffles the walk order and hands out ids and names. */
    static final class Builder {

        private final Random random;
        private final List<List<Lock>> holds = new ArrayList<>();
        private final List<Lock> wants = new ArrayList<>();
        private int locks;

        Builder(Random random) {
            this.random = random;
        }

        int size() {
            return holds.size();
        }

        int thread() {
            holds.add(new ArrayList<>());
            wants.add(null);
            return holds.size() - 1;
        }

        Lock give(int thread, Kind kind) {
            Lock lock = lock(kind);
            holds.get(thread).add(random.nextInt(holds.get(thread).size() + 1), lock);
            return lock;
        }

        boolean holds(int thread, Lock lock) {
            return holds.get(thread).contains(lock);
        }

        void wait(int thread, Lock lock) {
            wants.set(thread, lock);
        }

        Lock latch() {
            return lock(Kind.SIGNAL);
        }

        /** One piece of a random kind. */
        void piece(int longest, int tails) {
            switch (random.nextInt(8)) {
                case 0, 1, 2 -> {
                    int[] ring = ring(2 + random.nextInt(random.nextInt(4) == 0 ? longest - 1 : 3));
                    for (int t = random.nextInt(tails + 1); t > 0; t--) {
                        tail(ring[random.nextInt(ring.length)], 1 + random.nextInt(tails));
                    }
                }
                case 3 -> tail(idle(), 1 + random.nextInt(tails));            // a chain to a thread that runs
                case 4 -> tail(latchWaiter(), 1 + random.nextInt(tails));     // a chain to a latch
                case 5 -> {                                                    // many wait for one lock
                    int owner = idle();
                    for (int t = 2 + random.nextInt(3); t > 0; t--) {
                        tail(owner, 1);
                    }
                }
                case 6 -> tail(selfLoop(), random.nextInt(3));                // waits for a lock it holds
                default -> idle();
            }
        }

        /** A ring of {@code length} threads; returns them. */
        int[] ring(int length) {
            int[] ring = new int[length];
            Lock[] first = new Lock[length];
            for (int i = 0; i < length; i++) {
                ring[i] = idle();
                first[i] = give(ring[i], kind());
            }
            for (int i = 0; i < length; i++) {
                wait(ring[i], first[(i + 1) % length]);
            }
            return ring;
        }

        /** A chain of {@code length} threads, each waiting for the next, the last for a lock of {@code into}. */
        void tail(int into, int length) {
            Lock target = !holds.get(into).isEmpty() && random.nextBoolean()
                    ? holds.get(into).get(random.nextInt(holds.get(into).size()))
                    : give(into, kind());
            for (int i = 0; i < length; i++) {
                int thread = idle();
                wait(thread, target);
                target = give(thread, kind());
            }
        }

        /** A thread that holds 0 to 2 locks nobody waits for, and waits for nothing. */
        int idle() {
            int thread = thread();
            for (int l = random.nextInt(3); l > 0; l--) {
                give(thread, kind());
            }
            return thread;
        }

        private int latchWaiter() {
            int thread = idle();
            wait(thread, latch());
            return thread;
        }

        private int selfLoop() {
            int thread = idle();
            Lock own = lock(Kind.SYNCHRONIZER, "example.SimpleLock");
            holds.get(thread).add(own);
            wait(thread, own);
            return thread;
        }

        private Kind kind() {
            return random.nextBoolean() ? Kind.MONITOR : Kind.SYNCHRONIZER;
        }

        private Lock lock(Kind kind) {
            return lock(kind, switch (kind) {
                case MONITOR -> random.nextBoolean() ? "java.lang.Object" : "example.Account";
                case SYNCHRONIZER -> random.nextBoolean() ? "course.deadlock.Mutex"
                        : "java.util.concurrent.locks.ReentrantLock$NonfairSync";
                case SIGNAL -> "java.util.concurrent.CountDownLatch$Sync";
            });
        }

        private Lock lock(Kind kind, String className) {
            locks++;
            String name = switch (kind) {
                case MONITOR -> "monitor M" + locks;
                case SYNCHRONIZER -> "lock L" + locks;
                case SIGNAL -> "latch S" + locks;
            };
            return new Lock(name, kind, className, 0x1000_0000 + locks * 7919);
        }

        /** The graph: a random walk order, random distinct ids, and names (sometimes shared). */
        WaitGraph build() {
            int count = holds.size();
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                order.add(i);
            }
            Collections.shuffle(order, random);
            Set<Long> ids = new HashSet<>();
            while (ids.size() < count) {
                ids.add(1 + (long) random.nextInt(5_000_000));
            }
            List<Long> idList = new ArrayList<>(ids);
            Collections.shuffle(idList, random);
            boolean sharedNames = random.nextInt(5) == 0;
            List<Node> nodes = new ArrayList<>();
            for (int position = 0; position < count; position++) {
                int thread = order.get(position);
                String name = sharedNames ? "worker-" + (1 + random.nextInt(Math.max(1, count / 2)))
                        : "worker-" + (thread + 1);
                nodes.add(new Node(idList.get(position), name, holds.get(thread), wants.get(thread)));
            }
            return new WaitGraph(nodes);
        }
    }
}
