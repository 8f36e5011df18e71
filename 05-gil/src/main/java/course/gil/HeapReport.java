package course.gil;

import java.util.ArrayList;
import java.util.List;

/**
 * What the heap's checker found after a run.
 *
 * @param created          objects made
 * @param freed            objects freed
 * @param freedWhileInUse  frees of an object a variable still referred to
 * @param usesAfterFree    references taken to an object already freed
 * @param doubleFrees      second frees of one object
 * @param neverFreed       objects no variable refers to that were never freed (leaks)
 * @param wrongCounts      objects still in variables whose count is not the number of references
 * @param examples         the first few problems, as the checker saw them
 */
public record HeapReport(long created, long freed, long freedWhileInUse, long usesAfterFree, long doubleFrees,
                         long neverFreed, List<String> wrongCounts, List<String> examples) {

    /** True if every count was right. */
    public boolean healthy() {
        return freedWhileInUse == 0 && usesAfterFree == 0 && doubleFrees == 0 && neverFreed == 0
                && wrongCounts.isEmpty();
    }

    /** One line: "healthy", or what went wrong. */
    public String summary() {
        if (healthy()) {
            return "healthy: " + created + " objects made, " + freed + " freed, counts right";
        }
        List<String> problems = new ArrayList<>();
        if (freedWhileInUse > 0) {
            problems.add(freedWhileInUse + " freed while in use");
        }
        if (usesAfterFree > 0) {
            problems.add(usesAfterFree + " uses after free");
        }
        if (doubleFrees > 0) {
            problems.add(doubleFrees + " double frees");
        }
        if (neverFreed > 0) {
            problems.add(neverFreed + " never freed");
        }
        if (!wrongCounts.isEmpty()) {
            problems.add(String.join(", ", wrongCounts));
        }
        return "BROKEN: " + String.join("; ", problems);
    }
}
