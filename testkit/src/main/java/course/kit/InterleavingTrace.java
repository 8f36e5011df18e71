package course.kit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jetbrains.kotlinx.lincheck.trace.CodeLocationTracePoint;
import org.jetbrains.kotlinx.lincheck.trace.MethodCallTracePoint;
import org.jetbrains.kotlinx.lincheck.trace.MethodReturnTracePoint;
import org.jetbrains.kotlinx.lincheck.trace.ReadTracePoint;
import org.jetbrains.kotlinx.lincheck.trace.Trace;
import org.jetbrains.kotlinx.lincheck.trace.TracePoint;
import org.jetbrains.kotlinx.lincheck.trace.WriteTracePoint;

/**
 * An interleaving as the course book draws it: one column per thread, one row per step, each
 * step a line of the learner's own class (file and line number) with the value it read, wrote
 * or got back. The calls each thread makes head its steps. At most {@link #MAX_ROWS} rows: a
 * longer trace keeps the steps next to the switches between threads, where races happen.
 */
public final class InterleavingTrace {

    static final int MAX_ROWS = 15;
    /** The widest a column gets: two columns and their margins stay within 110 characters. */
    static final int MAX_CELL_WIDTH = 52;

    private final List<Row> rows;
    private final int threads;

    private InterleavingTrace(List<Row> rows, int threads) {
        this.rows = rows;
        this.threads = threads;
    }

    /**
     * The steps of {@code trace} that are calls of the model or lines of {@code answer}. A call
     * the answer makes shows where it returned, with what it returned: another thread may run
     * while it is under way (the switch comes at the read or write inside it). A call that never
     * returned shows at the end.
     */
    public static InterleavingTrace of(Trace trace, Class<?> answer) {
        List<Row> rows = new ArrayList<>();
        Map<Integer, Deque<Optional<Row>>> callsUnderWay = new HashMap<>();
        for (TracePoint point : trace.getTrace()) {
            Deque<Optional<Row>> underWay = callsUnderWay.computeIfAbsent(point.getIThread(), t -> new ArrayDeque<>());
            String step = step(point, answer);
            if (isCall(point)) {
                rows.add(new Row(point.getIThread(), point, answer, true));
                underWay.push(Optional.empty());
            } else if (point instanceof MethodCallTracePoint) {
                underWay.push(Optional.ofNullable(step).map(s -> new Row(point.getIThread(), point, answer, false)));
            } else if (point instanceof MethodReturnTracePoint) {
                Optional<Row> returned = underWay.isEmpty() ? Optional.empty() : underWay.pop();
                returned.ifPresent(rows::add);
            } else if (step != null) {
                rows.add(new Row(point.getIThread(), point, answer, false));
            }
        }
        callsUnderWay.values().forEach(underWay -> underWay.descendingIterator()
                .forEachRemaining(pending -> pending.ifPresent(row -> rows.add(row.neverReturned()))));
        return new InterleavingTrace(rows, Math.max(1, trace.getThreadNames().size()));
    }

    private static boolean isCall(TracePoint point) {
        if (!(point instanceof MethodCallTracePoint call)) {
            return false;
        }
        String file = call.getStackTraceElement().getFileName();
        return file == null || file.isEmpty();
    }

    /** The words of one step, or null for a step outside the learner's class. */
    private static String step(TracePoint point, Class<?> answer) {
        if (!(point instanceof CodeLocationTracePoint located)) {
            return null;
        }
        if (isCall(point)) {
            return point.toString().strip();
        }
        StackTraceElement where = located.getStackTraceElement();
        String className = where.getClassName().replace('/', '.');
        if (!className.equals(answer.getName()) && !className.startsWith(answer.getName() + "$")) {
            return null;
        }
        String what = point.toString();
        int at = what.lastIndexOf(" at ");
        if (at > 0) {
            what = what.substring(0, at);
        }
        what = what.strip();
        if (point instanceof ReadTracePoint) {
            what = "read " + what.replace(" \u279C ", ": ");
        } else if (point instanceof WriteTracePoint) {
            what = "write " + what;
        } else if (!(point instanceof MethodCallTracePoint)) {
            return null;
        }
        return where.getFileName() + ":" + where.getLineNumber() + " " + what;
    }

    /** The table, at most {@link #MAX_ROWS} rows of steps, a line "..." where steps were left out. */
    public String render() {
        int width = Math.max("Thread 1".length(),
                Math.min(MAX_CELL_WIDTH, rows.stream().mapToInt(row -> row.step().length()).max().orElse(0)));
        StringBuilder table = new StringBuilder();
        StringBuilder header = new StringBuilder();
        for (int t = 0; t < threads; t++) {
            header.append(cell("Thread " + (t + 1), t, width));
        }
        table.append(header.toString().stripTrailing()).append('\n');
        boolean[] shown = chooseRows();
        boolean gap = false;
        for (int i = 0; i < rows.size(); i++) {
            if (!shown[i]) {
                gap = true;
                continue;
            }
            if (gap) {
                table.append("  ...\n");
                gap = false;
            }
            Row row = rows.get(i);
            StringBuilder line = new StringBuilder();
            for (int t = 0; t < threads; t++) {
                line.append(cell(t == row.thread() ? row.step() : "", t, width));
            }
            table.append(line.toString().stripTrailing()).append('\n');
        }
        if (gap) {
            table.append("  ...\n");
        }
        return table.toString().stripTrailing();
    }

    /** Which rows to show: all if they fit, else the calls and the steps nearest a switch of thread. */
    private boolean[] chooseRows() {
        boolean[] shown = new boolean[rows.size()];
        int[] distance = distanceToSwitch();
        for (int radius = rows.size(); radius >= 0; radius--) {
            int count = 0;
            for (int i = 0; i < rows.size(); i++) {
                shown[i] = rows.get(i).call() || distance[i] <= radius;
                count += shown[i] ? 1 : 0;
            }
            if (count <= MAX_ROWS) {
                return shown;
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            shown[i] = i >= rows.size() - MAX_ROWS;
        }
        return shown;
    }

    /** For each row, how many rows away the nearest change of thread is. */
    private int[] distanceToSwitch() {
        int[] distance = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            distance[i] = Integer.MAX_VALUE;
            for (int j = 0; j + 1 < rows.size(); j++) {
                if (rows.get(j).thread() != rows.get(j + 1).thread()) {
                    distance[i] = Math.min(distance[i], Math.min(Math.abs(i - j), Math.abs(i - j - 1)));
                }
            }
        }
        return distance;
    }

    private static String cell(String text, int column, int width) {
        String clipped = text.length() > width ? text.substring(0, width - 3) + "..." : text;
        return (column == 0 ? "  " : " | ") + String.format("%-" + width + "s", clipped);
    }

    /** One step; its words are taken when it is shown, once a call has its returned value. */
    private record Row(int thread, TracePoint point, Class<?> answer, boolean call, String suffix) {

        Row(int thread, TracePoint point, Class<?> answer, boolean call) {
            this(thread, point, answer, call, "");
        }

        String step() {
            return InterleavingTrace.step(point, answer) + suffix;
        }

        Row neverReturned() {
            return new Row(thread, point, answer, call, " (never returned)");
        }
    }
}
