package course.gil;

/**
 * The programs the demos and the benchmark run, written with the {@link Program} assembler.
 * The CPU-bound one is the article's: count down from n. On every turn of its loop it uses an
 * object, as CPython does with every name it loads, so reference counts change all the time.
 */
public final class Programs {

    private Programs() {
    }

    /**
     * {@code tasks} times: count down from {@code n}, using the object in {@code variable} on each
     * turn. The object is shared: it must be there before the program runs.
     */
    public static Program countdown(int tasks, long n, int variable) {
        return countdown(tasks, n, variable, false);
    }

    /** Like {@link #countdown}, but makes its own object in {@code variable} first, and drops it at the end. */
    public static Program countdownOwnObject(int tasks, long n, int variable) {
        return countdown(tasks, n, variable, true);
    }

    // tag::countdown[]
    private static Program countdown(int tasks, long n, int variable, boolean ownObject) {
        Program.Builder main = Program.builder().function("main", 0, 1);
        if (ownObject) {
            main.newObject(variable);                     // x = object()
        }
        main.push(tasks).store(0)
                .label("next-task")
                .push(n).call("countdown").pop()          // countdown(n)
                .load(0).push(-1).add().store(0)          // tasks -= 1
                .push(0).load(0).less().jumpIfTrue("next-task");
        if (ownObject) {
            main.del(variable);                           // del x
        }
        return main.push(0).ret()
                .function("countdown", 1, 1)              // n arrives in slot 0
                .label("loop")
                .read(variable)                           // x: a reference taken, and dropped
                .load(0).push(-1).add().store(0)          // n -= 1
                .push(0).load(0).less().jumpIfTrue("loop") // while 0 < n
                .push(0).ret()
                .build();
    }
    // end::countdown[]

    // tag::requests[]
    /** {@code requests} blocking calls to the IO device, each asking for {@code millis}. */
    public static Program requests(int requests, long millis) {
        return Program.builder()
                .function("main", 0, 1)
                .push(requests).store(0)
                .label("next")
                .push(millis).io().pop()                  // urlopen(url).read(), say
                .load(0).push(-1).add().store(0)
                .push(0).load(0).less().jumpIfTrue("next")
                .push(0).ret()
                .build();
    }
    // end::requests[]

    /** {@code calls} calls of native function 0 with {@code argument}; returns the sum of their answers. */
    public static Program nativeCalls(int calls, long argument) {
        return Program.builder()
                .function("main", 0, 2)
                .push(calls).store(0)
                .label("next")
                .push(argument).callNative(0)
                .load(1).add().store(1)                   // total += f(argument)
                .load(0).push(-1).add().store(0)
                .push(0).load(0).less().jumpIfTrue("next")
                .load(1).ret()
                .build();
    }
}
