package course.kit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class as the test of one exercise. Its failures are shown to the learner
 * as the exercise's id, title, what went wrong, a hint and the book section to read;
 * its result counts towards the learner's progress.
 *
 * <p>The id must be in the register ({@code course/exercises.txt}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("exercise")
@ExtendWith(ExerciseExtension.class)
public @interface Exercise {
    /** The exercise id, e.g. {@code race.counter}. */
    String value();
}
