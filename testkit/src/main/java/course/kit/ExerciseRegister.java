package course.kit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The course's exercises, in the order a learner should do them, read from the one file
 * that holds their titles, hints and book sections: {@code course/exercises.txt} in the
 * test kit. Failure messages and the progress view both read it, so they never disagree.
 */
public final class ExerciseRegister {

    private static final String RESOURCE = "/course/exercises.txt";
    private static final List<String> KEYS =
            List.of("module", "title", "file", "hint", "section", "anchor");

    private static volatile ExerciseRegister instance;

    private final List<ExerciseInfo> exercises;

    private ExerciseRegister(List<ExerciseInfo> exercises) {
        this.exercises = List.copyOf(exercises);
    }

    /** The register of this course (read once). */
    public static ExerciseRegister load() {
        ExerciseRegister result = instance;
        if (result == null) {
            try (InputStream in = ExerciseRegister.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the test kit has no " + RESOURCE);
                }
                result = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            instance = result;
        }
        return result;
    }

    /**
     * Parses blocks of the form
     * <pre>
     * [race.counter]
     * module  = 02-race
     * title   = ...
     * </pre>
     * A value may continue on following lines indented by at least two spaces.
     */
    static ExerciseRegister parse(String text) {
        List<ExerciseInfo> result = new ArrayList<>();
        Map<String, Integer> perModule = new LinkedHashMap<>();
        String id = null;
        Map<String, String> fields = new LinkedHashMap<>();
        String lastKey = null;
        int lineNumber = 0;
        try (BufferedReader reader = new BufferedReader(new java.io.StringReader(text))) {
            for (String line; (line = reader.readLine()) != null; ) {
                lineNumber++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("[") && line.endsWith("]")) {
                    if (id != null) {
                        result.add(toInfo(id, fields, perModule));
                    }
                    id = line.substring(1, line.length() - 1).trim();
                    fields = new LinkedHashMap<>();
                    lastKey = null;
                } else if (line.startsWith("  ") && lastKey != null) {
                    fields.merge(lastKey, line.trim(), (a, b) -> a + " " + b);
                } else {
                    int eq = line.indexOf('=');
                    if (id == null || eq < 0) {
                        throw new IllegalArgumentException(
                                "exercises.txt line " + lineNumber + ": expected [id] or key = value");
                    }
                    lastKey = line.substring(0, eq).trim();
                    fields.put(lastKey, line.substring(eq + 1).trim());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (id != null) {
            result.add(toInfo(id, fields, perModule));
        }
        return new ExerciseRegister(result);
    }

    private static ExerciseInfo toInfo(String id, Map<String, String> fields, Map<String, Integer> perModule) {
        for (String key : KEYS) {
            if (!fields.containsKey(key) || fields.get(key).isBlank()) {
                throw new IllegalArgumentException("exercises.txt: [" + id + "] has no " + key);
            }
        }
        String module = fields.get("module");
        int number = perModule.merge(module, 1, Integer::sum);
        return new ExerciseInfo(id, module, number, fields.get("title"), fields.get("file"),
                fields.get("hint"), fields.get("section"), fields.get("anchor"));
    }

    /** All exercises, in course order. */
    public List<ExerciseInfo> all() {
        return exercises;
    }

    /** The exercises of one module, in order. */
    public List<ExerciseInfo> ofModule(String module) {
        return exercises.stream().filter(e -> e.module().equals(module)).toList();
    }

    /** The modules that have exercises, in course order. */
    public List<String> modules() {
        return exercises.stream().map(ExerciseInfo::module).distinct().toList();
    }

    public Optional<ExerciseInfo> find(String id) {
        return exercises.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** The exercise with this id, or an error that says the register lacks it. */
    public ExerciseInfo get(String id) {
        return find(id).orElseThrow(() -> new IllegalStateException(
                "exercise '" + id + "' is not in testkit/src/main/resources" + RESOURCE));
    }
}
