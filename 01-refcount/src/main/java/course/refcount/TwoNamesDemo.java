package course.refcount;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The article's example, with the count made visible. In Python:
 * <pre>
 * a = [1, 2, 3]
 * b = a
 * sys.getrefcount(b)   # 3
 * del a
 * sys.getrefcount(b)   # 2
 * </pre>
 * Two names for one list make two references. The question itself makes a third: while
 * {@code getrefcount} runs, its argument is one more reference to the list. Deleting a name
 * drops its reference; deleting the last one frees the list at once.
 */
public final class TwoNamesDemo {

    // tag::names[]
    /** Python's names (variables): binding a name to an object is a reference to it. */
    static final class Names {
        private final Map<String, CountedObject> bound = new HashMap<>();

        /** {@code name = <new object>}: the name takes over the creator's reference. */
        void bindNew(String name, CountedObject created) {
            bound.put(name, created);
        }

        /** {@code name = other}: one more reference to the same object. */
        void bind(String name, String other) {
            CountedObject object = bound.get(other);
            object.incRef();
            bound.put(name, object);
        }

        /** {@code del name}: the name's reference is dropped. */
        void delete(String name) {
            bound.remove(name).decRef();
        }

        CountedObject get(String name) {
            return bound.get(name);
        }
    }

    /** {@code sys.getrefcount(x)}: while it runs, its argument is one more reference. */
    static int getRefCount(CountedObject argument) {
        argument.incRef(); // passing the argument
        try {
            return argument.refCount();
        } finally {
            argument.decRef(); // the call returns: the argument goes away
        }
    }
    // end::names[]

    /** Runs the article's example; each line says what was done and what the count is. */
    public static List<String> run() {
        List<String> lines = new ArrayList<>();
        // tag::example[]
        Names names = new Names();
        names.bindNew("a", CountedObject.create("the list [1, 2, 3]", lines));
        lines.add("a = [1, 2, 3]          count " + names.get("a").refCount());
        names.bind("b", "a");
        lines.add("b = a                  count " + names.get("b").refCount());
        lines.add("sys.getrefcount(b)     says " + getRefCount(names.get("b")));
        names.delete("a");
        lines.add("del a                  count " + names.get("b").refCount());
        lines.add("sys.getrefcount(b)     says " + getRefCount(names.get("b")));
        CountedObject list = names.get("b");
        names.delete("b");
        lines.add("del b                  count " + list.refCount());
        // end::example[]
        return lines;
    }

    public static void main(String[] args) {
        run().forEach(System.out::println);
    }
}
