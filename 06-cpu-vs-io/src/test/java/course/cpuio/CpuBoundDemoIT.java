package course.cpuio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every way of splitting the work finds the same primes. Its times are not judged: see SpeedupReport. */
class CpuBoundDemoIT {

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void everyWayFindsTheSameCount() throws Exception {
        List<CpuBoundDemo.Timing> timings = CpuBoundDemo.run(200_000);

        assertThat(timings).extracting(CpuBoundDemo.Timing::way).containsExactly(
                "one thread", "four platform threads", "pool, one thread per core", "parallel stream");
        assertThat(timings).allSatisfy(t -> assertThat(t.count()).as(t.way()).isEqualTo(17_984));
    }

    @Test
    void thereAre148933PrimesBelowTwoMillion() {
        assertThat(Primes.countIn(0, 2_000_000)).isEqualTo(Primes.BELOW_TWO_MILLION);
        assertThat(Primes.countIn(0, 1_000_000)).isEqualTo(78_498);
    }
}
