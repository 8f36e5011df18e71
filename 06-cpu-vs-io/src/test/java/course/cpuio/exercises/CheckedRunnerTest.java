package course.cpuio.exercises;

import course.kit.Exercise;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Exercise cpuio.runner: the learner's {@link CheckedRunner} must pass every {@link RunnerCheck}. */
@Exercise("cpuio.runner")
class CheckedRunnerTest {

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void reportsResultsAndATimeThatCoversEveryWorker() {
        RunnerCheck.reportsResultsAndTime(CheckedRunner.class);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void reportsTheLastLineOfEveryWorkersOutputWhateverItWrites() {
        RunnerCheck.reportsEveryResult(CheckedRunner.class);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void refusesToTimeCrashedOrFailedWorkersAndNamesEachOne() {
        RunnerCheck.refusesEveryFailedWorker(CheckedRunner.class);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void runsAnEmptyListOfWorkers() {
        RunnerCheck.runsNoWorkers(CheckedRunner.class);
    }
}
