package course.cpuio;

import java.util.List;

/**
 * One worker process to run: a name to report it by, the command that starts it, and the
 * result it must print as the last line of its standard output (the last that is not blank,
 * without the white space around it) if it did its work.
 */
public record Worker(String name, List<String> command, String expectedResult) {

    public Worker {
        command = List.copyOf(command);
    }
}
