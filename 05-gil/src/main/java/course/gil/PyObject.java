package course.gil;

/**
 * An object of the interpreter, with its reference count. It holds no data: what matters here is
 * only whether it is alive, and how many references it has.
 */
public final class PyObject {

    private final int id;
    private final RefCount refs;
    private volatile boolean freed; // the checker's record, read by every thread: not part of the count

    PyObject(int id, RefCount refs) {
        this.id = id;
        this.refs = refs;
    }

    public int id() {
        return id;
    }

    public RefCount refs() {
        return refs;
    }

    public boolean isFreed() {
        return freed;
    }

    void markFreed() {
        freed = true;
    }

    @Override
    public String toString() {
        return "object #" + id;
    }
}
