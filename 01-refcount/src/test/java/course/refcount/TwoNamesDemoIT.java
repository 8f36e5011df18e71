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
                "a = []                 count 1",
                "b = a                  count 2",
                "sys.getrefcount(a)     says 3",
                "del b                  count 1",
                "sys.getrefcount(a)     says 2",
                "the list [] freed",
                "del a                  count 0");
    }
}
