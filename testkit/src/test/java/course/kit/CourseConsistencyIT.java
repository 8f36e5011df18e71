package course.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The register against the course's files: every exercise it lists has a starter, a
 * solution of the same name, and a section in its module's chapter with the anchor it names.
 */
class CourseConsistencyIT {

    private static final Path COURSE_ROOT = Path.of("..").toAbsolutePath().normalize();
    private final ExerciseRegister register = ExerciseRegister.load();

    @Test
    void idsAreUnique() {
        Set<String> seen = new HashSet<>();
        assertThat(register.all()).allSatisfy(e -> assertThat(seen.add(e.id())).as("id %s repeated", e.id()).isTrue());
    }

    @Test
    void everyExerciseHasAStarterAndASolutionOfTheSameName() {
        assertThat(register.all()).allSatisfy(e -> {
            assertThat(COURSE_ROOT.resolve(e.starterPath())).as("starter of %s", e.id()).isRegularFile();
            assertThat(COURSE_ROOT.resolve(e.solutionPath())).as("solution of %s", e.id()).isRegularFile();
        });
    }

    @Test
    void everyExercisePointsAtASectionOfItsModulesChapter() throws IOException {
        for (ExerciseInfo e : register.all()) {
            Path chapter = COURSE_ROOT.resolve(e.module()).resolve("src/docs/asciidoc/chapter.adoc");
            assertThat(Files.readString(chapter)).as("anchor [[%s]] of %s in %s", e.anchor(), e.id(), chapter)
                    .contains("[[" + e.anchor() + "]]");
        }
    }
}
