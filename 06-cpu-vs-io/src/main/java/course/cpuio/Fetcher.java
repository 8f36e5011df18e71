package course.cpuio;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/** Fetches many URLs at once, with a limit on how many requests are in flight. */
public interface Fetcher {

    /**
     * Fetches every URI once, at most {@code maxInFlight} at the same time, each request given
     * at most {@code timeout}, from when it is sent, to be answered.
     *
     * @return one result per URI, in the order of {@code uris}: an answer (status 200) or a failure
     *         (an exception, a timeout, any other status), never nothing
     */
    List<FetchResult> fetchAll(List<URI> uris, int maxInFlight, Duration timeout) throws InterruptedException;
}
