package course.kit;

import java.nio.file.Path;

/**
 * One exercise as the register describes it.
 *
 * @param id       stable id, {@code module-word.exercise-word}, e.g. {@code race.counter}
 * @param module   the Maven module (directory) it lives in, e.g. {@code 02-race}
 * @param number   its place within the module, from 1
 * @param title    a short title
 * @param file     the starter file the learner edits, relative to the exercise source root
 * @param hint     one hint, shown when the exercise test fails
 * @param section  the book section to read, in words
 * @param anchor   the id of that section in the book
 */
public record ExerciseInfo(String id, String module, int number, String title, String file,
                           String hint, String section, String anchor) {

    /** The starter file as a path from the course root. */
    public Path starterPath() {
        return Path.of(module, "src", "exercises", "java").resolve(file);
    }

    /** The reference solution as a path from the course root. */
    public Path solutionPath() {
        return Path.of(module, "src", "solutions", "java").resolve(file);
    }

    /** Where the section is in the built book, relative to the course root. */
    public String bookLink() {
        return "docs/target/book/index.html#" + anchor;
    }
}
