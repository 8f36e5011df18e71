package course.deadlock.exercises;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Two accounts that no hash can tell apart: the two account objects have the same identity hash
 * code (and so the same {@code hashCode()} and default {@code toString()}), and so do their two
 * lock objects. Found by making objects until two collide: an identity hash has 31 bits, so a
 * pair turns up after some 60,000 objects (milliseconds). An order built on hashes has no first
 * account here; only an order with a tie-breaker, or by a truly unique key, has.
 */
final class TiedPair {

    final CheckAccount first;
    final CheckAccount second;

    private TiedPair(CheckAccount first, CheckAccount second) {
        this.first = first;
        this.second = second;
    }

    static TiedPair open(Scenario scenario, int firstId, long firstBalance, int secondId, long secondBalance) {
        Object[] accounts = collide(() -> new CheckAccount(scenario));
        Object[] locks = collide(() -> new SteppingLock(scenario));
        CheckAccount first = ((CheckAccount) accounts[0]).open(firstId, firstBalance, (SteppingLock) locks[0]);
        CheckAccount second = ((CheckAccount) accounts[1]).open(secondId, secondBalance, (SteppingLock) locks[1]);
        scenario.adopt(first);
        scenario.adopt(second);
        return new TiedPair(first, second);
    }

    /** Makes objects until two have the same identity hash code. */
    private static Object[] collide(Supplier<Object> maker) {
        Map<Integer, Object> seen = new HashMap<>();
        while (true) {
            Object candidate = maker.get();
            Object earlier = seen.putIfAbsent(System.identityHashCode(candidate), candidate);
            if (earlier != null) {
                return new Object[] {earlier, candidate};
            }
        }
    }
}
