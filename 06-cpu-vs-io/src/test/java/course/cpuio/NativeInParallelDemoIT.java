package course.cpuio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Two threads are seen inside zlib's native code at the same instant. */
class NativeInParallelDemoIT {

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void bothThreadsAreInNativeCodeAtOnce() throws InterruptedException {
        NativeInParallelDemo.Seen seen = NativeInParallelDemo.run(20_000);

        assertThat(seen.samples()).as("samples until both were seen in native code").isPositive();
        assertThat(seen.nativeMethod()).startsWith("java.util.zip.Deflater.");
    }
}
