package course.kit;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;

/**
 * Keeps the JDK's "WARNING: ..." lines about the model checker's own tools (its use of
 * sun.misc.Unsafe, its agent loaded at run time) off the learner's screen: they say nothing
 * about the learner's code, and they come once per JVM, in the middle of a red run. Every
 * other line written to System.err passes through.
 */
final class JdkWarnings {

    private JdkWarnings() {
    }

    static void hiddenWhile(Runnable action) {
        PrintStream original = System.err;
        PrintStream filtered = new PrintStream(new WarningFilter(original), true, Charset.defaultCharset());
        System.setErr(filtered);
        try {
            action.run();
        } finally {
            filtered.flush();
            System.setErr(original);
        }
    }

    /** Passes lines through to {@code target}, except those starting with "WARNING: ". */
    private static final class WarningFilter extends OutputStream {
        private final PrintStream target;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        WarningFilter(PrintStream target) {
            this.target = target;
        }

        @Override
        public synchronized void write(int b) {
            line.write(b);
            if (b == '\n') {
                flushLine();
            }
        }

        @Override
        public synchronized void flush() {
            flushLine();
            target.flush();
        }

        private void flushLine() {
            String text = line.toString(Charset.defaultCharset());
            if (!text.startsWith("WARNING: ")) {
                target.print(text);
            }
            line.reset();
        }
    }
}
