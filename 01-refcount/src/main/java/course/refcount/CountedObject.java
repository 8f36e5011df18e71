package course.refcount;

import java.util.ArrayList;
import java.util.List;

/**
 * An object with a reference count kept the way CPython keeps it: a plain {@code int} in the
 * object, one up for every new reference ({@code Py_INCREF}), one down for every reference
 * dropped ({@code Py_DECREF}), and the object freed the moment it reaches zero. When it is
 * freed, it drops its own references to other objects, which may free them in turn.
 *
 * <p>Like CPython's count, this one has no checks and no protection against threads: CPython
 * relies on the GIL for that. It is for the single-threaded demos of this chapter.
 */
public final class CountedObject {

    private final String name;
    private final List<String> events;
    private final List<CountedObject> refersTo = new ArrayList<>();
    private int refCount = 1; // the reference its creator holds
    private boolean freed;

    private CountedObject(String name, List<String> events) {
        this.name = name;
        this.events = events;
    }

    /** A new object with a count of 1; what happens to it is added to {@code events}. */
    public static CountedObject create(String name, List<String> events) {
        return new CountedObject(name, events);
    }

    // tag::inc-dec[]
    /** One more reference to this object: {@code Py_INCREF}. */
    public void incRef() {
        refCount++;
    }

    /** One reference fewer: {@code Py_DECREF}. The last one frees the object at once. */
    public void decRef() {
        refCount--;
        if (refCount == 0) {
            free();
        }
    }

    private void free() {
        freed = true;
        events.add(name + " freed");
        for (CountedObject other : refersTo) {
            other.decRef(); // a freed object drops the references it held
        }
        refersTo.clear();
    }
    // end::inc-dec[]

    /** This object now holds a reference to {@code other}, as in {@code self.next = other}. */
    public void refer(CountedObject other) {
        other.incRef();
        refersTo.add(other);
    }

    public int refCount() {
        return refCount;
    }

    public boolean isFreed() {
        return freed;
    }

    public String name() {
        return name;
    }
}
