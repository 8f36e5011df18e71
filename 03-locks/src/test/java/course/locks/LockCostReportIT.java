package course.locks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The report's files from made-up figures (the real ones come from running the benchmark). */
class LockCostReportIT {

    private final List<LockCostReport.Measurement> figures = List.of(
            new LockCostReport.Measurement("unsynchronized", 1, 500, 1),
            new LockCostReport.Measurement("synchronizedBlock", 1, 100, 1),
            new LockCostReport.Measurement("synchronizedBlock", 2, 20, 1));

    @Test
    void theCsvHasOneLinePerMeasurementWithTheArticlesTime() {
        String csv = LockCostReport.csv(figures);
        assertThat(csv.lines()).hasSize(4); // a header and three lines
        assertThat(csv).contains("synchronizedBlock,1,100.000,1.000,10.000,50.0"); // 10 ns x 5,000,000 = 50 ms
    }

    @Test
    void theTableHasARowPerCounterAndStatesTheMachine() {
        String table = LockCostReport.table(figures, "2 cores, JDK 25");
        assertThat(table).contains("Measured on 2 cores, JDK 25, a machine shared with other work")
                .contains("| synchronized | yes | 50 ms (10.0 ns each) | 250 ms (50.0 ns each) | -")
                .contains("|===");
    }
}
