package course.deadlock.exercises;

import course.deadlock.Account;
import course.deadlock.Transfer;
import course.kit.Interleavings;
import org.jetbrains.lincheck.datastructures.Operation;

/**
 * The calls the model checker makes for exercise deadlock.ordered ({@link Interleavings}): a
 * fresh answer and three plain accounts (their locks are the course's {@link course.deadlock.Mutex}),
 * account 1 holding 100, account 2 nothing, account 3 holding 100.
 */
public final class TransferCalls {

    static final long OPENING_1 = 100;
    static final long OPENING_2 = 0;
    static final long OPENING_3 = 100;

    private final Account one = Account.open(1, OPENING_1);
    private final Account two = Account.open(2, OPENING_2);
    private final Account three = Account.open(3, OPENING_3);
    private final Transfer transfer = TransferCheck.create(Interleavings.answer(Transfer.class));

    @Operation
    public boolean transfer1to2of100() throws InterruptedException {
        return transfer.transfer(one, two, 100);
    }

    @Operation
    public boolean transfer2to1of100() throws InterruptedException {
        return transfer.transfer(two, one, 100);
    }

    @Operation
    public boolean transfer1to3of100() throws InterruptedException {
        return transfer.transfer(one, three, 100);
    }

    /** Read once the threads have ended: no lock needed. */
    @Operation
    public long balance1() {
        return one.balance();
    }

    @Operation
    public long balance2() {
        return two.balance();
    }

    @Operation
    public long balance3() {
        return three.balance();
    }

    /** What the same calls do one at a time. */
    public static final class OneAtATime {
        private final long[] balance = {0, OPENING_1, OPENING_2, OPENING_3};

        public boolean transfer1to2of100() {
            return move(1, 2, 100);
        }

        public boolean transfer2to1of100() {
            return move(2, 1, 100);
        }

        public boolean transfer1to3of100() {
            return move(1, 3, 100);
        }

        public long balance1() {
            return balance[1];
        }

        public long balance2() {
            return balance[2];
        }

        public long balance3() {
            return balance[3];
        }

        private boolean move(int from, int to, long amount) {
            if (balance[from] < amount) {
                return false;
            }
            balance[from] -= amount;
            balance[to] += amount;
            return true;
        }
    }
}
