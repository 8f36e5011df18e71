package course.deadlock.exercises;

import course.deadlock.Mutex;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;

/**
 * An account's lock as the checks hand it out: a {@link Mutex} that tells its {@link Scenario}
 * what happens to it (a lock taken, a tryLock failed, a thread waiting without a time limit),
 * and that a check can stop: a thread waiting in it when the check gives up is ended with
 * {@link Abandoned}, even from {@code lock()}.
 */
final class SteppingLock implements Lock {

    private final Scenario scenario;
    private Mutex inner; // set once, before any thread of the check sees the lock

    SteppingLock(Scenario scenario) {
        this.scenario = scenario;
    }

    void name(String name) {
        inner = new Mutex(name);
    }

    Mutex mutex() {
        return inner;
    }

    @Override
    public void lock() {
        scenario.abandonIfAsked();
        scenario.enterWait(false);
        try {
            inner.lockInterruptibly(); // interruptible underneath, so that the check can end a deadlock
        } catch (InterruptedException e) {
            throw new Abandoned();
        } finally {
            scenario.leaveWait();
        }
        scenario.step(Lockstep.Kind.ACQUIRED);
    }

    @Override
    public void lockInterruptibly() throws InterruptedException {
        scenario.abandonIfAsked();
        scenario.enterWait(false);
        try {
            inner.lockInterruptibly();
        } catch (InterruptedException e) {
            scenario.abandonIfAsked();
            throw e;
        } finally {
            scenario.leaveWait();
        }
        scenario.step(Lockstep.Kind.ACQUIRED);
    }

    @Override
    public boolean tryLock() {
        scenario.abandonIfAsked();
        return stepAfterTry(inner.tryLock());
    }

    @Override
    public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
        scenario.abandonIfAsked();
        boolean got;
        scenario.enterWait(true);
        try {
            got = inner.tryLock(time, unit);
        } catch (InterruptedException e) {
            scenario.abandonIfAsked();
            throw e;
        } finally {
            scenario.leaveWait();
        }
        return stepAfterTry(got);
    }

    private boolean stepAfterTry(boolean got) {
        if (got) {
            scenario.step(Lockstep.Kind.ACQUIRED);
        } else {
            if (inner.isHeldByCurrentThread()) {
                scenario.note("\"" + Thread.currentThread().getName() + "\" tried " + inner.name()
                        + ", which it already held (a Mutex is not reentrant: that try can never succeed)");
            }
            scenario.failedTry();
            scenario.step(Lockstep.Kind.FAILED);
        }
        return got;
    }

    @Override
    public void unlock() {
        inner.unlock();
    }

    @Override
    public Condition newCondition() {
        return inner.newCondition();
    }

    @Override
    public String toString() {
        return inner.toString();
    }
}
