package course.cpuio;

import java.io.IOException;
import java.util.List;

/** Runs worker processes at the same time and times the run. */
public interface ProcessRunner {

    /**
     * Starts every worker, waits for all of them, and reports the time and the results, but
     * only if every worker did its work: it exited with status 0, and the last non-blank line of
     * its standard output is its expected result.
     *
     * @throws WorkerFailedException if any worker exited with a status other than 0 or printed
     *                               a result other than its expected one; one line for each of
     *                               them, and for no other
     */
    RunReport runAll(List<Worker> workers) throws IOException, InterruptedException, WorkerFailedException;
}
