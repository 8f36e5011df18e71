package course.deadlock.exercises;

import course.deadlock.LockId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A made-up moment in a JVM: threads, the locks each holds, and the lock each waits for. It is
 * what {@link GraphBean} shows a detector, and it knows the true answer ({@link #cycles()}).
 *
 * <p>A thread waits for at most one lock and a lock has at most one owner, so each thread waits
 * for at most one other thread: a wait-for graph of threads has one way out of each thread. A
 * cycle is a ring of two or more threads; a thread that waits for a lock it holds itself (a
 * non-reentrant lock taken twice) is a ring of one, which the JVM's own search ignores, so the
 * check takes it either way. Threads stuck behind a ring are not in it.
 */
final class WaitGraph {

    /** What a waited-for thing is: a monitor, a lock with an owner, or a signal nobody owns (a latch). */
    enum Kind { MONITOR, SYNCHRONIZER, SIGNAL }

    /** A lock (or a latch), named for messages. */
    record Lock(String name, Kind kind, String className, int identityHashCode) {
        LockId id() {
            return new LockId(className, identityHashCode);
        }
    }

    /** A thread: its id, its name, what it holds (in the order it took them) and what it waits for (or null). */
    record Node(long id, String name, List<Lock> holds, Lock wants) {
        Node {
            holds = List.copyOf(holds);
        }

        Node waiting(Lock lock) {
            return new Node(id, name, holds, lock);
        }

        Node without(Lock lock) {
            return new Node(id, name, holds.stream().filter(l -> !l.equals(lock)).toList(), wants);
        }
    }

    private final List<Node> nodes;                      // in the order the JVM walks its threads
    private final Map<Lock, Node> owners = new HashMap<>();
    private final Map<Long, Node> byId = new HashMap<>();

    WaitGraph(List<Node> nodes) {
        this.nodes = List.copyOf(nodes);
        for (Node node : nodes) {
            byId.put(node.id(), node);
            node.holds().forEach(lock -> owners.put(lock, node));
        }
    }

    List<Node> nodes() {
        return nodes;
    }

    int size() {
        return nodes.size();
    }

    Node node(long id) {
        return byId.get(id);
    }

    /** The thread {@code node} waits for: the owner of the lock it wants, or null. */
    Node next(Node node) {
        return node.wants() == null ? null : owners.get(node.wants());
    }

    Node ownerOf(Lock lock) {
        return owners.get(lock);
    }

    // ---- the truth ----

    /** Every ring of two or more threads, each in wait order from its first thread in walk order. */
    List<List<Node>> cycles() {
        return rings().stream().filter(ring -> ring.size() > 1).toList();
    }

    /** The threads that wait for a lock they hold themselves. */
    Set<Node> selfLoops() {
        return rings().stream().filter(ring -> ring.size() == 1).map(ring -> ring.get(0)).collect(Collectors.toSet());
    }

    /** Follows "waits for" from each thread, colouring as it goes: a thread met again on the same walk closes a ring. */
    private List<List<Node>> rings() {
        Map<Node, Integer> walkOf = new HashMap<>();
        List<List<Node>> rings = new ArrayList<>();
        int walk = 0;
        for (Node start : nodes) {
            walk++;
            List<Node> path = new ArrayList<>();
            Node current = start;
            while (current != null && !walkOf.containsKey(current)) {
                walkOf.put(current, walk);
                path.add(current);
                current = next(current);
            }
            if (current != null && walkOf.get(current) == walk) {
                rings.add(List.copyOf(path.subList(path.indexOf(current), path.size())));
            }
        }
        return rings;
    }

    /**
     * What HotSpot's findDeadlockedThreads answers for this graph: it walks the threads in their
     * list order, follows owners, and on coming round again reports the whole walk, the threads
     * before the ring included; a walk that meets an earlier walk's thread, or a self-loop, reports
     * nothing. Null when nothing is deadlocked, as the real bean answers.
     *
     * @param monitorsOnly follow waits for monitors only (findMonitorDeadlockedThreads)
     */
    long[] jvmDeadlocked(boolean monitorsOnly) {
        Map<Node, Integer> numbers = new HashMap<>();
        List<Long> found = new ArrayList<>();
        int counter = 0;
        for (Node start : nodes) {
            if (numbers.containsKey(start)) {
                continue;
            }
            int thisWalk = counter;
            numbers.put(start, counter++);
            Node previous = start;
            Node current = start;
            List<Node> walked = new ArrayList<>();
            while (current.wants() != null && (!monitorsOnly || current.wants().kind() == Kind.MONITOR)) {
                walked.add(current);
                current = next(current);
                if (current == null) {
                    break;
                }
                Integer number = numbers.get(current);
                if (number == null) {
                    numbers.put(current, counter++);
                } else if (number < thisWalk || current == previous) {
                    break;                                    // an earlier walk's thread, or a self-loop
                } else {
                    walked.forEach(node -> found.add(node.id()));
                    break;
                }
                previous = current;
            }
        }
        return found.isEmpty() ? null : found.stream().mapToLong(Long::longValue).toArray();
    }

    // ---- smaller graphs, for shrinking a failure ----

    /**
     * Graphs one step smaller, bigger steps first: a whole group of threads that wait only among
     * themselves dropped; a ring shortened by half, a quarter, ... down to one thread (the thread
     * before the cut then waits for what the last one cut waited for); one thread dropped (those
     * waiting for its locks then wait for nothing); one wait dropped; one lock nobody waits for
     * dropped.
     */
    List<WaitGraph> smaller() {
        List<WaitGraph> smaller = new ArrayList<>();
        List<Set<Node>> groups = groups();
        if (groups.size() > 1) {
            groups.forEach(group -> smaller.add(new WaitGraph(nodes.stream().filter(n -> !group.contains(n)).toList())));
        }
        for (List<Node> ring : rings()) {
            for (int cut = ring.size() / 2; cut >= 1; cut /= 2) {
                if (ring.size() - cut >= 2) {
                    smaller.add(shortening(ring, cut));
                }
            }
        }
        for (Node node : nodes) {
            smaller.add(dropping(node));
        }
        for (Node node : nodes) {
            if (node.wants() != null) {
                smaller.add(replacing(node, node.waiting(null)));
            }
        }
        Set<Lock> wanted = nodes.stream().map(Node::wants).filter(w -> w != null).collect(Collectors.toSet());
        for (Node node : nodes) {
            for (Lock lock : node.holds()) {
                if (!wanted.contains(lock)) {
                    smaller.add(replacing(node, node.without(lock)));
                }
            }
        }
        return smaller;
    }

    /** The threads in groups that wait for each other, whichever way. */
    private List<Set<Node>> groups() {
        Map<Node, Node> parent = new HashMap<>();
        nodes.forEach(n -> parent.put(n, n));
        for (Node node : nodes) {
            Node next = next(node);
            if (next != null) {
                parent.put(root(parent, node), root(parent, next));
            }
        }
        Map<Node, Set<Node>> groups = new java.util.LinkedHashMap<>();
        nodes.forEach(n -> groups.computeIfAbsent(root(parent, n), r -> new HashSet<>()).add(n));
        return List.copyOf(groups.values());
    }

    private static Node root(Map<Node, Node> parent, Node node) {
        while (parent.get(node) != node) {
            node = parent.get(node);
        }
        return node;
    }

    /** Cuts {@code cut} threads out of a ring after its first: the first then waits for what the last cut waited for. */
    private WaitGraph shortening(List<Node> ring, int cut) {
        Set<Node> gone = new HashSet<>(ring.subList(1, 1 + cut));
        Lock onward = ring.get(cut).wants();
        Set<Lock> goneLocks = new HashSet<>();
        gone.forEach(n -> goneLocks.addAll(n.holds()));
        List<Node> kept = new ArrayList<>();
        for (Node node : nodes) {
            if (gone.contains(node)) {
                continue;
            }
            if (node == ring.get(0)) {
                kept.add(node.waiting(onward));
            } else {
                kept.add(node.wants() != null && goneLocks.contains(node.wants()) ? node.waiting(null) : node);
            }
        }
        return new WaitGraph(kept);
    }

    private WaitGraph dropping(Node gone) {
        List<Node> kept = new ArrayList<>();
        for (Node node : nodes) {
            if (node != gone) {
                kept.add(node.wants() != null && gone.holds().contains(node.wants()) ? node.waiting(null) : node);
            }
        }
        return new WaitGraph(kept);
    }

    private WaitGraph replacing(Node old, Node replacement) {
        return new WaitGraph(nodes.stream().map(n -> n == old ? replacement : n).toList());
    }

    // ---- in words ----

    /** One line per thread that holds or waits for anything (at most {@code limit} lines). */
    String describe(int limit) {
        List<String> lines = new ArrayList<>();
        for (Node node : nodes) {
            if (node.holds().isEmpty() && node.wants() == null) {
                continue;
            }
            lines.add("  " + describe(node));
        }
        int idle = (int) nodes.stream().filter(n -> n.holds().isEmpty() && n.wants() == null).count();
        if (lines.size() > limit) {
            int more = lines.size() - limit;
            lines = new ArrayList<>(lines.subList(0, limit));
            lines.add("  ... and " + more + " more threads");
        }
        if (idle > 0) {
            lines.add("  and " + idle + " thread(s) that hold nothing and wait for nothing");
        }
        return String.join("\n", lines);
    }

    String describe(Node node) {
        String line = thread(node) + " holds " + (node.holds().isEmpty() ? "nothing"
                : node.holds().stream().map(Lock::name).collect(Collectors.joining(", ")));
        if (node.wants() == null) {
            return line + " and waits for nothing";
        }
        Node owner = next(node);
        return line + " and waits for " + node.wants().name()
                + (owner == null ? ", which no thread owns" : owner == node ? ", which it holds itself" : "");
    }

    /** A thread as messages name it: its name, and its id when another thread has the same name. */
    String thread(Node node) {
        boolean shared = nodes.stream().anyMatch(n -> n != node && n.name().equals(node.name()));
        return "\"" + node.name() + "\"" + (shared ? " (id " + node.id() + ")" : "");
    }

    /** A ring as "a" -> "b" -> back to "a". */
    String ring(List<Node> ring) {
        return ring.stream().map(this::thread).collect(Collectors.joining(" -> ")) + " -> back to "
                + thread(ring.get(0));
    }

    /** The true answer in words. */
    String truth() {
        List<List<Node>> cycles = cycles();
        if (cycles.isEmpty()) {
            return "no cycle";
        }
        return cycles.size() + " cycle(s): " + cycles.stream().map(this::ring)
                .collect(Collectors.joining("; ", "", ""));
    }
}
