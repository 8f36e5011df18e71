package course.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExerciseRegisterIT {

    private static final String TWO_EXERCISES = """
            # a comment
            [demo.first]
            module  = 02-demo
            title   = The first one
            file    = course/demo/exercises/First.java
            hint    = A hint that goes on
              over two lines.
            section = Demo > First
            anchor  = demo-first

            [demo.second]
            module  = 02-demo
            title   = The second one
            file    = course/demo/exercises/Second.java
            hint    = Short.
            section = Demo > Second
            anchor  = demo-second
            """;

    @Test
    void readsBlocksInOrderAndNumbersThemWithinTheirModule() {
        ExerciseRegister register = ExerciseRegister.parse(TWO_EXERCISES);

        assertThat(register.all()).extracting(ExerciseInfo::id).containsExactly("demo.first", "demo.second");
        assertThat(register.get("demo.second").number()).isEqualTo(2);
        assertThat(register.get("demo.first").hint()).isEqualTo("A hint that goes on over two lines.");
        assertThat(register.modules()).containsExactly("02-demo");
    }

    @Test
    void aBlockWithoutAHintIsRejectedWithItsId() {
        String noHint = TWO_EXERCISES.replace("hint    = Short.\n", "");

        assertThatThrownBy(() -> ExerciseRegister.parse(noHint))
                .hasMessageContaining("[demo.second] has no hint");
    }

    @Test
    void anUnknownIdSaysWhereTheRegisterIs() {
        assertThatThrownBy(() -> ExerciseRegister.parse(TWO_EXERCISES).get("demo.third"))
                .hasMessageContaining("demo.third").hasMessageContaining("exercises.txt");
    }

    @Test
    void aFailureNamesTheExerciseTheProblemTheHintTheFileAndTheSection() {
        ExerciseInfo info = ExerciseRegister.load().all().getFirst();

        String message = ExerciseFailure.of(info, new AssertionError("lost 3 of 10 increments")).getMessage();

        assertThat(message).contains("Exercise " + info.id(), info.title(), "What went wrong: lost 3 of 10 increments",
                "Hint: " + info.hint(), "Edit: " + info.module() + "/src/exercises/java/", info.section(),
                "#" + info.anchor());
    }

    @Test
    void anExceptionFromCourseCodeIsShownWithWhereItWasThrown() {
        IllegalStateException thrown = new IllegalStateException("closed");
        thrown.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("java.util.Objects", "requireNonNull", "Objects.java", 10),
                new StackTraceElement("course.demo.exercises.First", "run", "First.java", 42)});

        assertThat(ExerciseFailure.whatWentWrong(thrown))
                .isEqualTo("your code threw java.lang.IllegalStateException: closed\n"
                        + "    at course.demo.exercises.First.run(First.java:42)");
    }
}
