package course.refcount;

/**
 * A tracked object that became unreachable while it still had an owner: nobody released it.
 *
 * @param description what the object was, as given to {@link LeakDetector#track}
 * @param createdAt   a throwable made when the object started being tracked: its stack trace
 *                    says where the object was created, which is where to look for the owner
 *                    that forgot to release it
 */
public record Leak(String description, Throwable createdAt) {
}
