package course.cpuio;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/** Fetches many URLs at once, with a limit on how many requests are in flight. */
public interface Fetcher {

    /**
     * Fetches every URI, at most {@code maxInFlight} at the same time, each request given at
     * most {@code timeout} to be answered.
     *
     * @return one result per URI, in the order of {@code uris}: an answer or a failure, never nothing
     */
    List<FetchResult> fetchAll(List<URI> uris, int maxInFlight, Duration timeout) throws InterruptedException;
}
