package course.cpuio;

import java.util.List;

/**
 * Thrown instead of a {@link RunReport} when a worker process did not do its work: it exited
 * with a status other than 0, or printed a result other than the one expected. No time is
 * reported for such a run: it would measure processes that did not do the work.
 */
public final class WorkerFailedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    /**
     * @param problems one line per failed worker, each naming the worker and what went wrong (its exit
     *                 status and the last line of its error output, or the wrong result it printed)
     */
    public WorkerFailedException(List<String> problems) {
        super(problems.size() + " worker(s) did not do their work:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
