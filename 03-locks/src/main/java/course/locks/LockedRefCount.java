package course.locks;

import java.util.concurrent.locks.ReentrantLock;

/** A reference count guarded by a lock: the read, the change and the "is it zero?" are one step. */
public final class LockedRefCount implements RefCounted {

    private final ReentrantLock lock = new ReentrantLock();
    private int count = 1;   // guarded by lock
    private boolean freed;   // guarded by lock

    // tag::locked-refcount[]
    @Override
    public void retain() {
        lock.lock();
        try {
            if (freed) {
                throw new IllegalStateException("retain() after the object was freed");
            }
            count++;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void release() {
        lock.lock();
        try {
            count--;
            if (count == 0) {
                freed = true;  // the last reference is gone: free it, exactly once
            }
        } finally {
            lock.unlock();
        }
    }
    // end::locked-refcount[]

    @Override
    public int count() {
        lock.lock();
        try {
            return count;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean isFreed() {
        lock.lock();
        try {
            return freed;
        } finally {
            lock.unlock();
        }
    }
}
