package course.cpuio;

import java.net.URI;
import java.util.Objects;

/**
 * What became of one request: an answer (status 200 and its body), or a failure and its reason.
 *
 * @param uri    what was asked for
 * @param body   the body of a 200 answer; null if the request failed
 * @param error  why the request failed (an exception, a timeout, a status other than 200); null if it did not
 */
public record FetchResult(URI uri, String body, String error) {

    public FetchResult {
        Objects.requireNonNull(uri, "uri");
        if ((body == null) == (error == null)) {
            throw new IllegalArgumentException("a result has a body or an error, exactly one of them");
        }
        if (error != null && error.isBlank()) {
            throw new IllegalArgumentException("a failure needs a reason");
        }
    }

    /** A request answered with status 200. */
    public static FetchResult ok(URI uri, String body) {
        return new FetchResult(uri, body, null);
    }

    /** A request that failed, for the reason given. */
    public static FetchResult failed(URI uri, String reason) {
        return new FetchResult(uri, null, reason);
    }

    /** A request that failed with an exception: the reason names the exception and its message. */
    public static FetchResult failed(URI uri, Throwable error) {
        return new FetchResult(uri, null, error.toString());
    }

    public boolean isOk() {
        return error == null;
    }
}
