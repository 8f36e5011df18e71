package course.deadlock;

/** The part of every transfer in this package that runs once the locks are held. */
final class Moves {

    private Moves() {
    }

    // tag::check-and-move[]
    /**
     * Checks the balance and moves the money. The caller holds whatever keeps other transfers
     * of these accounts out, so the check is still true when the money moves.
     */
    static boolean checkAndMove(Account from, Account to, long amount) {
        if (from.balance() < amount) {
            return false;
        }
        if (from != to) {                               // to itself: nothing moves, nothing is made
            from.setBalance(from.balance() - amount);
            to.setBalance(to.balance() + amount);
        }
        return true;
    }
    // end::check-and-move[]
}
