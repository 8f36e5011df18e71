package course.locks;

/** A write to a {@link Ledger} failed; nothing was written. */
public class LedgerUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LedgerUnavailableException(String message) {
        super(message);
    }
}
