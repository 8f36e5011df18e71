package course.deadlock;

/**
 * The article's unsafe transfer: lock the source, pause, lock the target, check, move. Two
 * opposite transfers that both get past their first lock each hold what the other needs next.
 *
 * <p>What happens in the pause is given: the article sleeps, which makes the deadlock likely;
 * the demos wait on a latch until both transfers hold their first lock, which makes it certain.
 * The locks are taken with {@code lockInterruptibly()}, so a deadlocked transfer can be ended
 * by interrupting its thread (the article's Python locks cannot be; neither can
 * {@code synchronized}).
 */
public final class UnsafeTransfer implements Transfer {

    /** What a transfer does between its two locks. */
    @FunctionalInterface
    public interface Pause {
        void between(Account from, Account to) throws InterruptedException;
    }

    private final Pause pause;

    public UnsafeTransfer(Pause pause) {
        this.pause = pause;
    }

    // tag::unsafe-transfer[]
    @Override
    public boolean transfer(Account from, Account to, long amount) throws InterruptedException {
        from.lock().lockInterruptibly();              // 1. the source first, whichever it is
        try {
            pause.between(from, to);                  // 2. the article sleeps here
            to.lock().lockInterruptibly();            // 3. then the target
            try {
                return Moves.checkAndMove(from, to, amount);
            } finally {
                to.lock().unlock();
            }
        } finally {
            from.lock().unlock();
        }
    }
    // end::unsafe-transfer[]
}
