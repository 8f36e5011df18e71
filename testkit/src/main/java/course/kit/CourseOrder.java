package course.kit;

import java.util.Comparator;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * Runs test classes in course order: exercise tests in the order of the register (exercise 1
 * of a module first), then every other class by name. Set as the default class order in the
 * kit's {@code junit-platform.properties}, so Maven and an IDE run a module's exercises alike.
 */
public final class CourseOrder implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator.comparingInt(CourseOrder::placeInCourse)
                .thenComparing(descriptor -> descriptor.getTestClass().getName()));
    }

    private static int placeInCourse(ClassDescriptor descriptor) {
        return descriptor.findAnnotation(Exercise.class)
                .map(exercise -> ExerciseRegister.load().all().indexOf(ExerciseRegister.load().get(exercise.value())))
                .orElse(Integer.MAX_VALUE);
    }
}
