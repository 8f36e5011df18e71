package course.book;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the book's sentences say about a demo's output, checked against the output the book
 * shows. The demos run again at every book build, on the reader's machine, so a sentence such as
 * "it builds the value twice on every run" is true only if that build's output says so. Each such
 * sentence is declared in the list of captured demos, under its demo:
 *
 * <pre>
 * race-lazy-init   course.race.LazyInitRaceDemo
 *   claim 02-race "it builds the value twice on every run" line "^built 2 times"
 * </pre>
 *
 * <p>A claim names the chapter, quotes the sentence, and says what the output must hold:
 * <ul>
 *   <li>{@code line "re"}: some line matches {@code re};
 *   <li>{@code no-line "re"}: no line matches {@code re};
 *   <li>{@code every "selector" "re"}: at least one line matches {@code selector}, and each
 *       such line matches {@code re};
 *   <li>{@code before "first" "second"}: a line matching {@code first} comes before the first
 *       line matching {@code second}.
 * </ul>
 * Patterns are Java regular expressions, searched for anywhere in the line (anchor them with
 * {@code ^} and {@code $}); they cannot contain a double quote.
 *
 * <p>Run on its own ({@code DemoClaims <output-dir> <list-file>}), it checks the claims against
 * the output already captured, and exits with 1 if one is false (.ci/check-book does this).
 */
public final class DemoClaims {

    private static final Pattern CLAIM = Pattern.compile(
            "^\\s+claim\\s+(\\S+)\\s+\"([^\"]+)\"\\s+(line|no-line|every|before)\\s+\"([^\"]+)\"(?:\\s+\"([^\"]+)\")?\\s*$");

    /** One sentence of a chapter about one demo's output, and the test of it. */
    record Claim(String demo, String chapter, String sentence, String kind, Pattern first, Pattern second) {

        /** Null if the output agrees with the sentence, else what in it does not. */
        String contradiction(List<String> output) {
            return switch (kind) {
                case "line" -> firstMatching(output, first) >= 0 ? null : "no line matches /" + first + "/";
                case "no-line" -> {
                    int at = firstMatching(output, first);
                    yield at < 0 ? null : "its line \"" + output.get(at) + "\" matches /" + first + "/";
                }
                case "every" -> every(output);
                case "before" -> before(output);
                default -> throw new IllegalStateException(kind);
            };
        }

        private String every(List<String> output) {
            List<String> selected = output.stream().filter(line -> first.matcher(line).find()).toList();
            if (selected.isEmpty()) {
                return "no line matches /" + first + "/";
            }
            return selected.stream().filter(line -> !second.matcher(line).find()).findFirst()
                    .map(line -> "its line \"" + line + "\" does not match /" + second + "/")
                    .orElse(null);
        }

        private String before(List<String> output) {
            int a = firstMatching(output, first);
            int b = firstMatching(output, second);
            if (a < 0 || b < 0) {
                return "no line matches /" + (a < 0 ? first : second) + "/";
            }
            return a < b ? null : "its line \"" + output.get(b) + "\" comes before any line matching /" + first + "/";
        }

        private static int firstMatching(List<String> output, Pattern pattern) {
            for (int i = 0; i < output.size(); i++) {
                if (pattern.matcher(output.get(i)).find()) {
                    return i;
                }
            }
            return -1;
        }
    }

    private DemoClaims() {
    }

    public static void main(String[] args) throws IOException {
        Path outputDir = Path.of(args[0]);
        List<String> falsified = check(outputDir, Path.of(args[1]));
        if (!falsified.isEmpty()) {
            System.err.println(report(falsified));
            System.exit(1);
        }
        System.out.println("every claim the book makes about a demo's output holds for the output it shows ("
                + read(Path.of(args[1])).size() + " claims)");
    }

    /** Whether a line of the list is a claim (it belongs to the demo above it), not a demo. */
    static boolean isClaim(String line) {
        return line.stripLeading().startsWith("claim ");
    }

    /** The claims of the list file; a claim line that cannot be read fails, with its line. */
    static List<Claim> read(Path listFile) throws IOException {
        List<Claim> claims = new ArrayList<>();
        String demo = null;
        for (String line : Files.readAllLines(listFile)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (!isClaim(line)) {
                demo = line.trim().split("\\s+")[0];
                continue;
            }
            Matcher m = CLAIM.matcher(line);
            boolean twoPatterns = m.matches() && (m.group(3).equals("every") || m.group(3).equals("before"));
            if (demo == null || !m.matches() || twoPatterns != (m.group(5) != null)) {
                throw new IllegalArgumentException("cannot read this claim in " + listFile + " (see DemoClaims):\n  " + line);
            }
            claims.add(new Claim(demo, m.group(1), m.group(2), m.group(3), Pattern.compile(m.group(4)),
                    m.group(5) == null ? null : Pattern.compile(m.group(5))));
        }
        return claims;
    }

    /** Every claim that the captured output contradicts, each said with its chapter, sentence and output. */
    static List<String> check(Path outputDir, Path listFile) throws IOException {
        List<String> falsified = new ArrayList<>();
        for (Claim claim : read(listFile)) {
            Path output = outputDir.resolve(claim.demo() + ".txt");
            String contradiction = Files.isRegularFile(output)
                    ? claim.contradiction(Files.readAllLines(output))
                    : "there is no output (" + output + ")";
            if (contradiction != null) {
                falsified.add("chapter " + claim.chapter() + " says \"" + claim.sentence() + "\", but in the output of "
                        + claim.demo() + " (" + output + ") " + contradiction);
            }
        }
        return falsified;
    }

    static String report(List<String> falsified) {
        return "the book says what its demos' output does not show:\n  " + String.join("\n  ", falsified)
                + "\nRewrite the sentence so that every output the demo can print agrees with it, or fix the demo;"
                + " the claims are declared in docs/src/docs/captured-demos.txt.";
    }
}
