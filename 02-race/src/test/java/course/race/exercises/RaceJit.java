package course.race.exercises;

import course.kit.JitDirectives;

/**
 * The JIT conditions every check of this lesson runs under, set by the checks themselves (HotSpot
 * compiler directives, see {@link JitDirectives}), so that a run from an IDE is checked exactly as
 * a run from Maven:
 * <ul>
 * <li>this package's methods are compiled in the foreground, as soon as they are hot, rather than
 *     whenever a busy machine's compiler threads get to them: a spinning loop that reads a plain
 *     field is compiled, and its read hoisted, while the check still watches it;</li>
 * <li>no caller inlines an {@code increment()} of this package, so a test loop of increments
 *     cannot be folded into one big add.</li>
 * </ul>
 */
final class RaceJit {

    static final String DIRECTIVES = """
            [ { match: "course/race/exercises/*.*", BackgroundCompilation: false,
                inline: "-course/race/exercises/*.increment" },
              { match: "*.*", inline: "-course/race/exercises/*.increment" } ]
            """;

    private RaceJit() {
    }

    /** Adds the directives (once per JVM), before the code under test first runs. */
    static void require() {
        JitDirectives.require(DIRECTIVES);
    }
}
