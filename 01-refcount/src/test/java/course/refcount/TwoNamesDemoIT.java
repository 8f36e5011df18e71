package course.refcount;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class TwoNamesDemoIT {

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void theArticlesCountsThreeThenTwoAndTheListIsFreedAtOnce() {
        assertThat(TwoNamesDemo.run()).containsExactly(
                "a = [1, 2, 3]          count 1",
                "b = a                  count 2",
                "sys.getrefcount(b)     says 3",
                "del a                  count 1",
                "sys.getrefcount(b)     says 2",
                "the list [1, 2, 3] freed",
                "del b                  count 0");
    }
}
