package course.book.charts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A benchmark's CSV file: a header line, then one line per row; lines starting with {@code #} are
 * notes. A text cell may be quoted ({@code "a, b"}). Some of our files leave a first cell that has
 * commas unquoted ({@code pool, one thread per core,182.3,...}): a line with more cells than the
 * header has its surplus joined back into the first cell.
 */
record Csv(List<String> header, List<Row> rows) {

    record Row(List<String> header, List<String> cells) {

        String text(String column) {
            int index = header.indexOf(column);
            if (index < 0) {
                throw new NoSuchElementException("no column " + column + " in " + header);
            }
            return cells.get(index);
        }

        double number(String column) {
            return Double.parseDouble(text(column));
        }
    }

    static Csv read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        List<String> header = cells(lines.getFirst());
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            rows.add(new Row(header, joinSurplus(cells(line), header.size())));
        }
        return new Csv(header, rows);
    }

    /** The first row whose columns hold the given values: {@code find("threads", "2", ...)}. */
    Row find(String... columnsAndValues) {
        return rows.stream().filter(row -> matches(row, columnsAndValues)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no row with " + List.of(columnsAndValues)));
    }

    /** A column's values, each once, in the order they first appear. */
    List<String> distinct(String column) {
        return List.copyOf(new LinkedHashSet<>(rows.stream().map(row -> row.text(column)).toList()));
    }

    private static boolean matches(Row row, String... columnsAndValues) {
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            if (!row.text(columnsAndValues[i]).equals(columnsAndValues[i + 1])) {
                return false;
            }
        }
        return true;
    }

    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    private static List<String> joinSurplus(List<String> cells, int columns) {
        int surplus = cells.size() - columns;
        if (surplus <= 0) {
            return cells;
        }
        List<String> joined = new ArrayList<>();
        joined.add(String.join(",", cells.subList(0, surplus + 1)));
        joined.addAll(cells.subList(surplus + 1, cells.size()));
        return joined;
    }
}
