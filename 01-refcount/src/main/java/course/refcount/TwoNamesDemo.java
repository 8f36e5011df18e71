package course.refcount;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The article's example, with the count made visible. In Python:
 * <pre>
 * a = []
 * b = a
 * sys.getrefcount(a)
 * del b
 * sys.getrefcount(a)
 * </pre>
 * The first call answers 3, the second 2. Two names for one list make two references. The
 * question itself makes a third: while {@code getrefcount} runs, its argument is one more
 * reference to the list. Deleting a name drops its reference. The demo then goes one step past
 * the article, {@code del a}, to show that deleting the last name frees the list at once.
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
        names.bindNew("a", CountedObject.create("the list []", lines));
        lines.add("a = []                 count " + names.get("a").refCount());
        names.bind("b", "a");
        lines.add("b = a                  count " + names.get("a").refCount());
        lines.add("sys.getrefcount(a)     says " + getRefCount(names.get("a")));
        names.delete("b");
        lines.add("del b                  count " + names.get("a").refCount());
        lines.add("sys.getrefcount(a)     says " + getRefCount(names.get("a")));
        // One step past the article: the last name goes.
        CountedObject list = names.get("a");
        names.delete("a");
        lines.add("del a                  count " + list.refCount());
        // end::example[]
        return lines;
    }

    public static void main(String[] args) {
        run().forEach(System.out::println);
    }
}
