package course.deadlock.exercises;

import course.deadlock.LockId;
import course.deadlock.WaitCycle;
import course.deadlock.Waiter;
import course.deadlock.exercises.WaitGraph.Lock;
import course.deadlock.exercises.WaitGraph.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compares a detector's cycles with the truth of a {@link WaitGraph}: each ring of two or more
 * threads returned once, with exactly its threads, in wait order (from any of them), each with
 * every lock it holds and the lock it waits for; no thread that is in no ring. A thread that
 * waits for a lock it holds may be returned as a ring of one, or not at all.
 */
final class CycleJudge {

    private final WaitGraph graph;
    private final List<List<Node>> truth;
    private final Map<Long, Integer> ringOf = new HashMap<>();
    private final Set<Long> selfLoops = new HashSet<>();

    CycleJudge(WaitGraph graph) {
        this.graph = graph;
        this.truth = graph.cycles();
        for (int i = 0; i < truth.size(); i++) {
            for (Node node : truth.get(i)) {
                ringOf.put(node.id(), i);
            }
        }
        graph.selfLoops().forEach(node -> selfLoops.add(node.id()));
    }

    /** What is wrong with {@code said}, in one sentence or two; null if it is the truth. */
    String problem(List<WaitCycle> said) {
        if (said == null) {
            return "It returned null; return an empty list when there is no deadlock.";
        }
        Set<Integer> returned = new HashSet<>();
        for (WaitCycle cycle : said) {
            String problem = problem(cycle, returned);
            if (problem != null) {
                return problem;
            }
        }
        for (int i = 0; i < truth.size(); i++) {
            if (!returned.contains(i)) {
                return "It missed the cycle " + graph.ring(truth.get(i)) + ".";
            }
        }
        return null;
    }

    private String problem(WaitCycle cycle, Set<Integer> returned) {
        if (cycle == null || cycle.waiters().isEmpty()) {
            return "It returned " + (cycle == null ? "null" : "an empty cycle") + " in its list.";
        }
        List<Node> nodes = new ArrayList<>();
        for (Waiter waiter : cycle.waiters()) {
            Node node = graph.node(waiter.threadId());
            if (node == null) {
                return "It returned a thread with id " + waiter.threadId() + ", which the ThreadMXBean it was given"
                        + " never named.";
            }
            if (nodes.contains(node)) {
                return "It returned a cycle that names " + graph.thread(node) + " twice.";
            }
            nodes.add(node);
        }
        if (nodes.size() == 1 && selfLoops.contains(nodes.get(0).id())) {
            return locks(cycle);                                  // a ring of one: allowed, if told right
        }
        for (Node node : nodes) {
            if (!ringOf.containsKey(node.id())) {
                return "It put " + graph.thread(node) + " in a cycle, but that thread is in none: " + whyNot(node);
            }
        }
        Set<Integer> rings = nodes.stream().map(n -> ringOf.get(n.id())).collect(Collectors.toSet());
        if (rings.size() > 1) {
            return "It returned one cycle with threads of " + rings.size() + " different cycles: "
                    + rings.stream().map(i -> graph.ring(truth.get(i))).collect(Collectors.joining(" and ")) + ".";
        }
        int ring = rings.iterator().next();
        List<Node> expected = truth.get(ring);
        if (!returned.add(ring)) {
            return "It returned the cycle " + graph.ring(expected) + " more than once.";
        }
        if (nodes.size() != expected.size()) {
            return "It returned " + nodes.size() + " of the " + expected.size() + " threads of the cycle "
                    + graph.ring(expected) + ": " + inOrder(nodes) + ".";
        }
        int shift = expected.indexOf(nodes.get(0));
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i) != expected.get((i + shift) % expected.size())) {
                return "It returned the cycle " + graph.ring(expected) + " in the order " + inOrder(nodes) + ", which is"
                        + " not the wait order: each thread must be followed by the owner of the lock it waits for.";
            }
        }
        return locks(cycle);
    }

    /** Each waiter's locks as the graph has them: what it holds (all of them) and what it waits for. */
    private String locks(WaitCycle cycle) {
        for (Waiter waiter : cycle.waiters()) {
            Node node = graph.node(waiter.threadId());
            Set<LockId> holds = node.holds().stream().map(Lock::id).collect(Collectors.toSet());
            if (!new HashSet<>(waiter.holds()).equals(holds) || waiter.holds().size() != holds.size()) {
                return "For " + graph.thread(node) + " it says it holds " + named(waiter.holds()) + "; it holds "
                        + named(node.holds().stream().map(Lock::id).toList()) + ". List every lock it holds,"
                        + " monitors and synchronizers, each once.";
            }
            if (!node.wants().id().equals(waiter.wants())) {
                return "For " + graph.thread(node) + " it says it waits for " + named(java.util.Collections
                        .singletonList(waiter.wants())) + "; it waits for " + node.wants().name() + ".";
            }
        }
        return null;
    }

    private String whyNot(Node node) {
        if (node.wants() == null) {
            return "it waits for nothing.";
        }
        Node end = node;
        Set<Node> passed = new HashSet<>();
        while (passed.add(end) && graph.next(end) != null && graph.next(end) != end
                && !ringOf.containsKey(end.id())) {
            end = graph.next(end);
        }
        if (ringOf.containsKey(end.id())) {
            return "its waits lead into the cycle " + graph.ring(truth.get(ringOf.get(end.id()))) + ", but nothing"
                    + " in that cycle waits for it. It is stuck behind the cycle, not in it: ending it would free"
                    + " nothing.";
        }
        String how = end.wants() == null ? "waits for nothing"
                : graph.next(end) == null ? "waits for " + end.wants().name() + ", which no thread owns (a latch)"
                : "waits for a lock it holds itself";
        return (end == node ? "it " : "its waits end at " + graph.thread(end) + ", which ") + how
                + ": no cycle runs through it.";
    }

    private String inOrder(List<Node> nodes) {
        return nodes.stream().map(graph::thread).collect(Collectors.joining(" -> "));
    }

    private String named(List<LockId> ids) {
        Map<LockId, String> names = new HashMap<>();
        graph.nodes().forEach(n -> {
            n.holds().forEach(l -> names.put(l.id(), l.name()));
            if (n.wants() != null) {
                names.put(n.wants().id(), n.wants().name());
            }
        });
        return ids.stream().map(id -> id == null ? "null" : names.getOrDefault(id, id.toString()))
                .collect(Collectors.joining(", ", "[", "]"));
    }

    /** What the detector returned, in words, for the message. */
    String said(List<WaitCycle> said) {
        if (said == null) {
            return "null";
        }
        if (said.isEmpty()) {
            return "no cycle";
        }
        List<String> rings = new ArrayList<>();
        for (WaitCycle cycle : said.subList(0, Math.min(5, said.size()))) {
            if (cycle == null) {
                rings.add("null");
                continue;
            }
            rings.add(cycle.waiters().stream().map(w -> {
                Node node = graph.node(w.threadId());
                return node == null ? "id " + w.threadId() : graph.thread(node);
            }).collect(Collectors.joining(" -> ", "[", "]")));
        }
        return said.size() + " cycle(s): " + String.join("; ", rings) + (said.size() > 5 ? "; ..." : "");
    }
}
