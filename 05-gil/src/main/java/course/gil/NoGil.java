package course.gil;

/**
 * No GIL at all: every interpreter thread runs at once, on every core. This is what a
 * free-threaded build (PEP 703, {@code python3.13t}) does, and it is only safe if everything
 * the interpreter shares, its reference counts first, is safe without the GIL.
 */
public final class NoGil implements Gil {

    @Override
    public void acquire() {
        // nothing to take
    }

    @Override
    public void release() {
        // nothing to give up
    }

    @Override
    public void checkpoint() {
        // nobody ever asks
    }

    @Override
    public Thread holder() {
        return null;
    }

    @Override
    public boolean dropRequested() {
        return false;
    }
}
