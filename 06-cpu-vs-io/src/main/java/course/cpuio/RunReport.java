package course.cpuio;

import java.time.Duration;
import java.util.List;

/**
 * A run of worker processes that all did their work: how long the run took, from the start of
 * the first process to the end of the last, and what each worker printed, in worker order.
 */
public record RunReport(Duration wallTime, List<String> results) {

    public RunReport {
        results = List.copyOf(results);
    }
}
