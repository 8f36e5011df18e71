package course.cpuio.exercises;

import java.util.List;

/**
 * One worker of a cpuio.runner check: its name, what it does (in words, for the messages), the
 * steps its {@link TestWorker} carries out, the result it is expected to print, and, if it is
 * meant to fail, why and what a right runner's line about it must contain.
 *
 * @param failure     null for a worker that does its work; else what went wrong, in words
 * @param mustMention what the runner's line about a failed worker must contain (its exit status, the
 *                    last line of its error output, the result it printed); empty for a good worker
 */
record WorkerPlan(String name, String does, List<String> steps, String expected, String failure,
                  List<String> mustMention) {

    WorkerPlan {
        steps = List.copyOf(steps);
        mustMention = List.copyOf(mustMention);
    }

    static WorkerPlan good(String name, String expected, String does, String... steps) {
        return new WorkerPlan(name, does, List.of(steps), expected, null, List.of());
    }

    static WorkerPlan failing(String name, String expected, String does, String failure, List<String> mustMention,
                              String... steps) {
        return new WorkerPlan(name, does, List.of(steps), expected, failure, mustMention);
    }

    boolean fails() {
        return failure != null;
    }

    /** {@code "w03" (prints 2 MB on its error stream, then its result)} */
    String described() {
        return "\"" + name + "\" (" + does + ")";
    }
}
