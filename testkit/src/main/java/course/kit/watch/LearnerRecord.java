package course.kit.watch;

import course.kit.Records;
import java.nio.file.Path;

/**
 * The learner's record of one module, {@code <module>/target/exercise-status.properties}, as the
 * kit's ProgressListener keeps it (see {@link Records}). The watch mode writes it where a run ends
 * before ProgressListener can: at the first failed test, and when a run is stopped because it hangs.
 */
final class LearnerRecord {

    private final Path moduleDir;

    private LearnerRecord(Path moduleDir) {
        this.moduleDir = moduleDir;
    }

    static LearnerRecord in(Path moduleDir) {
        return new LearnerRecord(moduleDir);
    }

    boolean passed(String exercise) {
        return Records.learnerPassed(moduleDir, exercise);
    }

    void write(String exercise, boolean passed) {
        Records.recordForLearner(moduleDir, exercise, passed);
    }
}
