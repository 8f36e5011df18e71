package course.refcount;

import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;

/**
 * Why threads break a plain count: the lost update of lesson 02, on a reference count.
 *
 * <p>An object has two owners (count 2). At the same moment, one thread retains it (it hands
 * the object to a cache: three owners) and another releases it (it is done: two owners). Either
 * way the count should end at 2. Written as a plain {@code count++} and {@code count--}, both
 * threads read 2 before either writes; a barrier makes sure of it, on every run. Then:
 * <ul>
 *   <li>if the release writes last, the count says 1 for two owners: the first of them to
 *       release frees the object, and the other is left using freed memory (use-after-free);
 *   <li>if the retain writes last, the count says 3 for two owners: when both have released,
 *       it still says 1, and the object is never freed (a leak).
 * </ul>
 */
public final class ForcedCountRaceDemo {

    /** What the race did, and what became of the object afterwards. */
    public record Outcome(List<String> steps, int countAfterRace, int realOwners, String consequence) {
    }

    private int count = 2; // two owners; guarded by nothing: that is the point
    private boolean freed;

    // tag::race[]
    /** count++ or count--, in its steps, with both threads meeting after the read. */
    private void changeInSteps(int delta, CyclicBarrier bothHaveRead, CountDownLatch myTurnToWrite,
                               List<String> steps) throws InterruptedException, BrokenBarrierException {
        String me = Thread.currentThread().getName();
        int seen = count;                          // read
        steps.add(me + " reads " + seen);
        bothHaveRead.await();                      // the other thread reads before anyone writes
        myTurnToWrite.await();                     // the demo picks which write lands last
        count = seen + delta;                      // write: the other thread's change is overwritten
        steps.add(me + " writes " + (seen + delta));
    }
    // end::race[]

    /** Runs the race once; {@code releaseWritesLast} picks which of the two writes survives. */
    public static Outcome run(boolean releaseWritesLast) throws InterruptedException {
        ForcedCountRaceDemo object = new ForcedCountRaceDemo();
        List<String> steps = new CopyOnWriteArrayList<>();
        CyclicBarrier bothHaveRead = new CyclicBarrier(2);
        CountDownLatch firstWriter = new CountDownLatch(0);
        CountDownLatch secondWriter = new CountDownLatch(1);
        CountDownLatch retainerTurn = releaseWritesLast ? firstWriter : secondWriter;
        CountDownLatch releaserTurn = releaseWritesLast ? secondWriter : firstWriter;

        Thread retainer = Thread.ofPlatform().name("retainer").start(() -> object.quietly(+1, bothHaveRead, retainerTurn, steps, secondWriter));
        Thread releaser = Thread.ofPlatform().name("releaser").start(() -> object.quietly(-1, bothHaveRead, releaserTurn, steps, secondWriter));
        retainer.join();
        releaser.join();

        int afterRace = object.count;
        return new Outcome(List.copyOf(steps), afterRace, 2, object.ownersReleaseInTurn(2));
    }

    /** The two real owners release, one after the other, and use the object until they do. */
    private String ownersReleaseInTurn(int owners) {
        for (int owner = 1; owner <= owners; owner++) {
            if (freed) {
                return "owner " + owner + " still holds the object, but it was freed: use-after-free";
            }
            count--;
            if (count == 0) {
                freed = true;
            }
        }
        return freed ? "freed once, as it should be" : "both owners released, the count says " + count
                + " and the object is never freed: a leak";
    }

    private void quietly(int delta, CyclicBarrier bothHaveRead, CountDownLatch myTurn, List<String> steps,
                         CountDownLatch secondWriter) {
        try {
            changeInSteps(delta, bothHaveRead, myTurn, steps);
            secondWriter.countDown(); // the first write is done: the second writer may go
        } catch (InterruptedException | BrokenBarrierException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        for (boolean releaseWritesLast : new boolean[] {true, false}) {
            Outcome outcome = run(releaseWritesLast);
            outcome.steps().forEach(System.out::println);
            System.out.println("count after the race: " + outcome.countAfterRace() + " for "
                    + outcome.realOwners() + " owners; then " + outcome.consequence());
            System.out.println();
        }
    }
}
