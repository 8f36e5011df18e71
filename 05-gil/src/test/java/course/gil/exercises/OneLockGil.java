package course.gil.exercises;

import course.gil.Gil;
import java.util.concurrent.Semaphore;

/**
 * The GIL the gil.release checks use: one fair permit and a record of who holds it. It never
 * switches on its own (the checks decide who runs), and it refuses a release by a thread that
 * does not hold it, as CPython does ("drop_gil: GIL is not locked").
 */
final class OneLockGil implements Gil {

    private final Semaphore permit = new Semaphore(1, true);
    private volatile Thread holder;

    @Override
    public void acquire() throws InterruptedException {
        permit.acquire();
        holder = Thread.currentThread();
    }

    /** Takes the GIL if it is free now. */
    boolean tryAcquire() {
        if (!permit.tryAcquire()) {
            return false;
        }
        holder = Thread.currentThread();
        return true;
    }

    @Override
    public void release() {
        if (holder != Thread.currentThread()) {
            throw new IllegalStateException(Thread.currentThread().getName() + " released the GIL without holding it"
                    + " (holder: " + (holder == null ? "nobody" : holder.getName()) + ")");
        }
        holder = null;
        permit.release();
    }

    @Override
    public void checkpoint() {
        // this GIL never asks anyone to switch
    }

    @Override
    public Thread holder() {
        return holder;
    }

    @Override
    public boolean dropRequested() {
        return false;
    }
}
