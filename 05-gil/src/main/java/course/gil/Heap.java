package course.gil;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * The interpreter's memory: it makes objects, counts references and frees objects whose count
 * reaches zero. It also checks its own work, as a debug build of CPython would: every reference
 * taken to a freed object, every second free, and every object freed while a variable still
 * refers to it is recorded, so that a broken count is reported instead of going unnoticed.
 */
public final class Heap {

    private static final int EXAMPLES = 5;

    private final Supplier<RefCount> newCount;
    private final AtomicInteger ids = new AtomicInteger();
    private final LongAdder created = new LongAdder();
    private final LongAdder freed = new LongAdder();
    private final LongAdder usesAfterFree = new LongAdder();
    private final LongAdder doubleFrees = new LongAdder();
    private final LongAdder freedWhileInUse = new LongAdder();
    private final Queue<String> examples = new ConcurrentLinkedQueue<>();
    private final AtomicInteger exampleCount = new AtomicInteger();
    private PyObject[] variables = new PyObject[0];

    /** A heap whose objects count references with counts made by {@code newCount}. */
    public Heap(Supplier<RefCount> newCount) {
        this.newCount = newCount;
    }

    /** Tells the heap where the interpreter's variables are, so it can see an object freed in use. */
    void watch(PyObject[] variables) {
        this.variables = variables;
    }

    /** A new object, with one reference: the caller's. */
    public PyObject allocate() {
        created.increment();
        return new PyObject(ids.incrementAndGet(), newCount.get());
    }

    // tag::incref-decref[]
    /** Takes a new reference to {@code object}: CPython's {@code Py_INCREF}. */
    public void incref(PyObject object) {
        if (object.isFreed()) {
            report(usesAfterFree, "a reference was taken to " + object + " after it was freed");
        }
        object.refs().increment();
    }

    /** Drops a reference to {@code object}: CPython's {@code Py_DECREF}. At zero, frees it. */
    public void decref(PyObject object) {
        if (object.refs().decrement()) {
            free(object);
        }
    }
    // end::incref-decref[]

    private void free(PyObject object) {
        if (object.isFreed()) {
            report(doubleFrees, object + " was freed twice");
            return;
        }
        object.markFreed();
        freed.increment();
        for (int v = 0; v < variables.length; v++) {
            if (variables[v] == object) {
                report(freedWhileInUse, object + " was freed while variable " + v + " still referred to it");
            }
        }
    }

    private void report(LongAdder counter, String what) {
        counter.increment();
        if (exampleCount.getAndIncrement() < EXAMPLES) {
            examples.add(Thread.currentThread().getName() + ": " + what);
        }
    }

    /** What the checker found, given the objects the variables still refer to at the end. */
    public HeapReport report() {
        List<PyObject> bound = new ArrayList<>();
        for (PyObject object : variables) {
            if (object != null && !object.isFreed()) {
                bound.add(object);
            }
        }
        long alive = created.sum() - freed.sum();
        long neverFreed = Math.max(0, alive - bound.size());
        List<String> wrongCounts = new ArrayList<>();
        for (PyObject object : bound) {
            long count = object.refs().get();
            if (count > 1) {
                wrongCounts.add(object + " has count " + count + " for its one reference (it can never be freed)");
            } else if (count < 1) {
                wrongCounts.add(object + " has count " + count + " for its one reference (freed too soon)");
            }
        }
        return new HeapReport(created.sum(), freed.sum(), freedWhileInUse.sum(), usesAfterFree.sum(),
                doubleFrees.sum(), neverFreed, wrongCounts, List.copyOf(examples));
    }
}
