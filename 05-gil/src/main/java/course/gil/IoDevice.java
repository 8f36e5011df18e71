package course.gil;

/** Something an interpreter thread waits for: it answers a request after a while. */
@FunctionalInterface
public interface IoDevice {

    /** Blocks until the answer is there. */
    long call(long request) throws InterruptedException;

    /** A device that takes {@code request} milliseconds to answer, as a slow server would. */
    static IoDevice sleeping() {
        return request -> {
            Thread.sleep(request);
            return request;
        };
    }
}
