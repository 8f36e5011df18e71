package course.deadlock.exercises;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The JVM's ThreadMXBean as a detector under test sees it: everything is the real bean's
 * answer, except that "which threads are deadlocked?" names only the check's own threads (and
 * returns null, as the real one does, when none of them is). Other tests of the same JVM may
 * have left deadlocked threads behind; they do not change the answer. It also notes whether it
 * was asked anything at all.
 */
final class OwnThreadsBean implements InvocationHandler {

    private static final ThreadMXBean REAL = ManagementFactory.getThreadMXBean();

    private final Set<Long> ours;
    private final AtomicBoolean used = new AtomicBoolean();

    private OwnThreadsBean(Set<Long> ours) {
        this.ours = ours;
    }

    static OwnThreadsBean seeing(Set<Long> ours) {
        return new OwnThreadsBean(ours);
    }

    ThreadMXBean bean() {
        return (ThreadMXBean) Proxy.newProxyInstance(ThreadMXBean.class.getClassLoader(),
                new Class<?>[] {ThreadMXBean.class}, this);
    }

    boolean used() {
        return used.get();
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> "ThreadMXBean (the check's threads only)";
            };
        }
        used.set(true);
        Object answer;
        try {
            answer = method.invoke(REAL, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        if (method.getName().equals("findDeadlockedThreads") || method.getName().equals("findMonitorDeadlockedThreads")) {
            long[] mine = answer == null ? new long[0] : Arrays.stream((long[]) answer).filter(ours::contains).toArray();
            return mine.length == 0 ? null : mine;
        }
        return answer;
    }
}
