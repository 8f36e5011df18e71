package course.book;

import course.kit.ExerciseInfo;
import course.kit.ExerciseRegister;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the book's solutions appendix from the exercise register, so that it lists every
 * exercise, in course order, and never drifts from the register. Each solution is included
 * from the tagged region {@code solution} of the reference solution file (a missing tag fails
 * the book build), inside a collapsible block, closed until the reader opens it.
 *
 * <p>Arguments: the file to write.
 */
public final class WriteSolutionsAppendix {

    private WriteSolutionsAppendix() {
    }

    public static void main(String[] args) throws IOException {
        StringBuilder text = new StringBuilder("""
                [appendix]
                [[solutions]]
                == Solutions

                Each solution below is included from its module's `src/solutions/java`: the code the
                course's own tests run against. Open one only when you have tried the exercise; the
                failure messages and their hints are there to get you unstuck first.
                """);
        ExerciseRegister register = ExerciseRegister.load();
        for (String module : register.modules()) {
            List<ExerciseInfo> exercises = register.ofModule(module);
            text.append("\n=== ").append(chapterTitle(exercises.getFirst())).append(" (").append(module).append(")\n");
            for (ExerciseInfo exercise : exercises) {
                text.append(block(exercise));
            }
        }
        Path file = Path.of(args[0]);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    /** "Race conditions > Check, then act" gives "Race conditions". */
    private static String chapterTitle(ExerciseInfo exercise) {
        String section = exercise.section();
        int cut = section.indexOf(" > ");
        return cut < 0 ? section : section.substring(0, cut);
    }

    private static String block(ExerciseInfo exercise) {
        String source = "{course-root}/" + exercise.solutionPath().toString().replace('\\', '/');
        return """

                .%s: %s (see <<%s>>)
                [%%collapsible]
                ====
                [source,java,indent=0]
                ----
                include::%s[tag=solution]
                ----
                ====
                """.formatted(exercise.id(), exercise.title(), exercise.anchor(), source);
    }
}
