package course.deadlock.exercises;

import course.deadlock.exercises.WaitGraph.Kind;
import course.deadlock.exercises.WaitGraph.Lock;
import course.deadlock.exercises.WaitGraph.Node;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import javax.management.ObjectName;
import javax.management.openmbean.ArrayType;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.InvalidKeyException;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;

/**
 * A ThreadMXBean that shows a detector a {@link WaitGraph} instead of the JVM's own threads. It
 * answers as the real bean would: findDeadlockedThreads as HotSpot's search does (null when
 * nothing is deadlocked; the threads before a ring included when the search walked in from
 * them), and ThreadInfos with the locks held only when asked for them. The ThreadInfos are made
 * the way the JDK reads them from a remote JVM, from {@link CompositeData} of the JVM's own types.
 */
final class GraphBean implements InvocationHandler {

    private static final CompositeType THREAD_INFO = threadInfoType();

    private final WaitGraph graph;
    private final Map<String, ThreadInfo> made = new ConcurrentHashMap<>(); // ThreadInfo is immutable: one of each is enough

    private GraphBean(WaitGraph graph) {
        this.graph = graph;
    }

    /** Makes sure the JVM's types are read (the platform MBean server may have to start first). */
    static void loadTypes() {
        THREAD_INFO.getTypeName();
    }

    static ThreadMXBean of(WaitGraph graph) {
        return (ThreadMXBean) Proxy.newProxyInstance(ThreadMXBean.class.getClassLoader(),
                new Class<?>[] {ThreadMXBean.class}, new GraphBean(graph));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) {
        Object[] a = args == null ? new Object[0] : args;
        return switch (method.getName()) {
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == a[0];
            case "toString" -> "ThreadMXBean (the check's made-up threads)";
            case "findDeadlockedThreads" -> graph.jvmDeadlocked(false);
            case "findMonitorDeadlockedThreads" -> graph.jvmDeadlocked(true);
            case "getAllThreadIds" -> graph.nodes().stream().mapToLong(Node::id).toArray();
            case "getThreadCount", "getPeakThreadCount" -> graph.size();
            case "getDaemonThreadCount" -> 0;
            case "getTotalStartedThreadCount" -> (long) graph.size();
            case "isObjectMonitorUsageSupported", "isSynchronizerUsageSupported" -> true;
            case "getThreadInfo" -> threadInfo(method, a);
            case "dumpAllThreads" -> infos(graph.nodes().stream().mapToLong(Node::id).toArray(), (boolean) a[0],
                    (boolean) a[1]);
            default -> throw new UnsupportedOperationException("the check's ThreadMXBean answers about threads"
                    + " and locks only, not " + method.getName());
        };
    }

    /** All six getThreadInfo: one id or many, with or without the locks held; stack depths are ignored. */
    private Object threadInfo(Method method, Object[] a) {
        boolean many = a[0] instanceof long[];
        long[] ids = many ? (long[]) a[0] : new long[] {(long) a[0]};
        boolean withLocks = a.length >= 3 && a[1] instanceof Boolean;
        ThreadInfo[] infos = infos(ids, withLocks && (boolean) a[1], withLocks && (boolean) a[2]);
        return many ? infos : infos[0];
    }

    private ThreadInfo[] infos(long[] ids, boolean monitors, boolean synchronizers) {
        ThreadInfo[] infos = new ThreadInfo[ids.length];
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] <= 0) {
                throw new IllegalArgumentException("Invalid thread ID parameter: " + ids[i]);
            }
            Node node = graph.node(ids[i]);
            infos[i] = node == null ? null
                    : made.computeIfAbsent(ids[i] + "/" + monitors + "/" + synchronizers, key -> info(node, monitors, synchronizers));
        }
        return infos;
    }

    // ---- ThreadInfo from CompositeData ----

    private ThreadInfo info(Node node, boolean monitors, boolean synchronizers) {
        Map<String, Object> items = new HashMap<>();
        Lock wants = node.wants();
        Node owner = wants == null ? null : graph.ownerOf(wants);
        items.put("threadId", node.id());
        items.put("threadName", node.name());
        items.put("threadState", (wants == null ? Thread.State.RUNNABLE
                : wants.kind() == Kind.MONITOR ? Thread.State.BLOCKED : Thread.State.WAITING).name());
        items.put("lockInfo", wants == null ? null : lockInfo(wants));
        items.put("lockName", wants == null ? null : wants.className() + "@" + Integer.toHexString(wants.identityHashCode()));
        items.put("lockOwnerId", owner == null ? -1L : owner.id());
        items.put("lockOwnerName", owner == null ? null : owner.name());
        items.put("priority", 5);
        List<CompositeData> stack = new ArrayList<>();
        List<CompositeData> lockedMonitors = new ArrayList<>();
        List<CompositeData> lockedSynchronizers = new ArrayList<>();
        stack.add(frame("waitFor"));                                    // the frame that waits
        for (int i = node.holds().size() - 1; i >= 0; i--) {            // the last lock taken is the deepest frame
            Lock held = node.holds().get(i);
            CompositeData frame = frame("hold" + (i + 1));
            stack.add(frame);
            if (held.kind() == Kind.MONITOR && monitors) {
                lockedMonitors.add(monitorInfo(held, stack.size() - 1, frame));
            } else if (held.kind() != Kind.MONITOR && synchronizers) {
                lockedSynchronizers.add(lockInfo(held));
            }
        }
        stack.add(frame("run"));
        items.put("stackTrace", stack.toArray(CompositeData[]::new));
        items.put("lockedMonitors", lockedMonitors.toArray(CompositeData[]::new));
        items.put("lockedSynchronizers", lockedSynchronizers.toArray(CompositeData[]::new));
        return ThreadInfo.from(composite(THREAD_INFO, items));
    }

    private static CompositeData lockInfo(Lock lock) {
        return composite(elementType("lockedSynchronizers"),
                Map.of("className", lock.className(), "identityHashCode", lock.identityHashCode()));
    }

    private static CompositeData monitorInfo(Lock lock, int depth, CompositeData frame) {
        return composite(elementType("lockedMonitors"), Map.of("className", lock.className(),
                "identityHashCode", lock.identityHashCode(), "lockedStackDepth", depth, "lockedStackFrame", frame));
    }

    private static CompositeData frame(String method) {
        return composite(elementType("stackTrace"), Map.of("className", "example.Worker", "methodName", method,
                "fileName", "Worker.java", "lineNumber", 1, "nativeMethod", false));
    }

    /** A CompositeData of {@code type}: the given items, and a plain default for every other item of this JDK's type. */
    private static CompositeData composite(CompositeType type, Map<String, Object> items) {
        Map<String, Object> all = new HashMap<>();
        for (String key : type.keySet()) {
            all.put(key, items.containsKey(key) ? items.get(key) : defaultOf(type.getType(key)));
        }
        return new Items(type, all);
    }

    /**
     * CompositeData as a plain map: CompositeDataSupport checks every value against its type as
     * it is made, which for a thousand threads is most of the check's time. The values here are
     * of the JVM's own types by construction, and ThreadInfo.from checks the type once more.
     */
    private record Items(CompositeType type, Map<String, Object> items) implements CompositeData {
        @Override
        public CompositeType getCompositeType() {
            return type;
        }

        @Override
        public Object get(String key) {
            if (!items.containsKey(key)) {
                throw new InvalidKeyException(key);
            }
            return items.get(key);
        }

        @Override
        public Object[] getAll(String[] keys) {
            return Arrays.stream(keys).map(this::get).toArray();
        }

        @Override
        public boolean containsKey(String key) {
            return items.containsKey(key);
        }

        @Override
        public boolean containsValue(Object value) {
            return items.containsValue(value);
        }

        @Override
        public Collection<?> values() {
            return new TreeMap<>(items).values();
        }
    }

    private static Object defaultOf(OpenType<?> type) {
        if (type.equals(SimpleType.BOOLEAN)) {
            return false;
        }
        if (type.equals(SimpleType.LONG)) {
            return 0L;
        }
        if (type.equals(SimpleType.INTEGER)) {
            return 0;
        }
        if (type instanceof ArrayType<?>) {
            return new CompositeData[0];
        }
        return null;
    }

    private static CompositeType elementType(String arrayItem) {
        return (CompositeType) ((ArrayType<?>) THREAD_INFO.getType(arrayItem)).getElementOpenType();
    }

    /** This JDK's CompositeType of a ThreadInfo, as its platform MBean server gives it out. */
    private static CompositeType threadInfoType() {
        try {
            Object infos = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName(ManagementFactory.THREAD_MXBEAN_NAME), "getThreadInfo",
                    new Object[] {new long[] {Thread.currentThread().threadId()}, true, true},
                    new String[] {long[].class.getName(), "boolean", "boolean"});
            return ((CompositeData[]) infos)[0].getCompositeType();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the JVM's ThreadInfo type", e);
        }
    }

    @Override
    public String toString() {
        return "GraphBean of " + Arrays.toString(graph.nodes().stream().mapToLong(Node::id).toArray());
    }
}
