package course.deadlock;

import java.util.List;

/**
 * One thread of a wait-for cycle: the locks it holds and the one it waits for.
 *
 * @param threadId   the thread's id ({@code Thread.threadId()}, {@code ThreadInfo.getThreadId()})
 * @param threadName its name
 * @param holds      every lock it holds: monitors and ownable synchronizers such as a {@link Mutex}
 * @param wants      the lock it is blocked on
 */
public record Waiter(long threadId, String threadName, List<LockId> holds, LockId wants) {

    public Waiter {
        holds = List.copyOf(holds);
    }
}
