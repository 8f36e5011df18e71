package course.refcount;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

/**
 * Where reference counting fails: a cycle. Two counted objects that refer to each other keep
 * each other's count at 1 after every name for them is gone. Nobody can reach them, and nobody
 * will ever free them. CPython runs a separate cycle collector (the {@code gc} module) to find
 * such islands.
 *
 * <p>The JVM does not count. Its garbage collector traces what is reachable from the roots
 * (threads' stacks, static fields) and reclaims everything else, cycles included. The demo
 * watches a Java cycle through {@link WeakReference}s, which do not keep their object alive,
 * and asks for collections until both are cleared.
 */
public final class CycleLeakDemo {

    /** What became of the counted cycle after both names were deleted. */
    public record CountedCycle(int countOfA, int countOfB, boolean aFreed, boolean bFreed, List<String> events) {
    }

    // tag::counted-cycle[]
    /** a.next = b; b.next = a; del a; del b. */
    public static CountedCycle countedCycle() {
        List<String> events = new ArrayList<>();
        CountedObject a = CountedObject.create("node a", events); // the name a: count 1
        CountedObject b = CountedObject.create("node b", events); // the name b: count 1
        a.refer(b);                                               // a.next = b: b's count 2
        b.refer(a);                                               // b.next = a: a's count 2
        a.decRef();                                               // del a: 1, held by b.next
        b.decRef();                                               // del b: 1, held by a.next
        return new CountedCycle(a.refCount(), b.refCount(), a.isFreed(), b.isFreed(), events);
    }
    // end::counted-cycle[]

    // tag::java-cycle[]
    /** A plain Java object: no count, just a field. */
    static final class Node {
        Node next;
    }

    /**
     * Builds a.next = b, b.next = a and drops both: when this method returns, nothing reachable
     * refers to either node. Returns weak references, which let the collector reclaim them.
     */
    public static List<WeakReference<Object>> unreachableJavaCycle() {
        Node a = new Node();
        Node b = new Node();
        a.next = b;
        b.next = a;
        return List.of(new WeakReference<>(a), new WeakReference<>(b));
    }
    // end::java-cycle[]

    /** True once every referent is cleared, that is, reclaimed by the collector. */
    public static boolean allCollected(List<WeakReference<Object>> references) {
        return references.stream().allMatch(r -> r.refersTo(null));
    }

    public static void main(String[] args) throws InterruptedException {
        CountedCycle counted = countedCycle();
        System.out.println("counted cycle after del a, del b: a has count " + counted.countOfA()
                + ", b has count " + counted.countOfB() + "; freed: " + (counted.aFreed() || counted.bFreed()));

        List<WeakReference<Object>> javaCycle = unreachableJavaCycle();
        int collections = 0;
        while (!allCollected(javaCycle) && collections < 50) {
            System.gc(); // a request: the JVM may collect now, later, or not at all
            collections++;
            Thread.sleep(10);
        }
        System.out.println("Java cycle after dropping both: " + (allCollected(javaCycle)
                ? "reclaimed by the collector (asked " + collections + " time(s))" : "not collected yet"));
    }
}
