package course.gil;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A tiny stack-machine interpreter that several threads run at once. What it shares between
 * them (its variables, its objects and their reference counts) is what a GIL protects, so it is
 * built around one: every thread takes the {@link Gil} before its first instruction, offers it
 * between any two instructions ({@link Gil#checkpoint()}), and gives it up when it ends. IO and
 * native calls go through {@link ExternalCalls}, which may give it up around the call.
 *
 * <p>Build one with {@link #builder(Gil)}; run programs on threads with {@link #runThreads(List)}.
 */
public final class Interpreter {

    private static final int STACK_SIZE = 16;
    private static final ThreadMXBean THREAD_CLOCK = ManagementFactory.getThreadMXBean();

    private final Gil gil;
    private final Heap heap;
    private final ExternalCalls calls;
    private final IoDevice device;
    private final List<NativeFunction> natives;
    private final PyObject[] variables;

    private Interpreter(Builder builder) {
        this.gil = builder.gil;
        this.heap = new Heap(builder.counts);
        this.calls = builder.calls.apply(builder.gil);
        this.device = builder.device;
        this.natives = List.copyOf(builder.natives);
        this.variables = new PyObject[builder.variables];
        heap.watch(variables);
    }

    public static Builder builder(Gil gil) {
        return new Builder(gil);
    }

    public Gil gil() {
        return gil;
    }

    public Heap heap() {
        return heap;
    }

    /** Binds variable {@code variable} to a new object before any thread runs: a shared object. */
    public PyObject share(int variable) {
        PyObject object = heap.allocate();
        variables[variable] = object;
        return object;
    }

    // tag::run-thread[]
    /** Runs {@code program} on the calling thread, as one interpreter thread. */
    public long run(Program program) throws InterruptedException {
        gil.acquire();                     // no instruction runs without the GIL
        try {
            return execute(program, program.main(), new long[0]);
        } finally {
            gil.release();                 // the thread is done: let the others run
        }
    }
    // end::run-thread[]

    // tag::eval-loop[]
    private long execute(Program program, PyFunction function, long[] arguments) throws InterruptedException {
        List<Instruction> code = function.code();
        long[] locals = Arrays.copyOf(arguments, function.locals());
        long[] stack = new long[STACK_SIZE];
        int top = 0; // how many values are on the stack
        int pc = 0;  // the next instruction
        while (true) {
            gil.checkpoint(); // between two instructions: hand the GIL over if another thread asked
            Instruction instruction = code.get(pc++);
            switch (instruction.op()) {
                case PUSH -> stack[top++] = instruction.arg();
                case LOAD -> stack[top++] = locals[instruction.index()];
                case STORE -> locals[instruction.index()] = stack[--top];
                case ADD -> {
                    top--;
                    stack[top - 1] = stack[top - 1] + stack[top];
                }
                case LESS -> {
                    top--;
                    stack[top - 1] = stack[top - 1] < stack[top] ? 1 : 0;
                }
                case JUMP_IF_TRUE -> {
                    if (stack[--top] != 0) {
                        pc = instruction.index();
                    }
                }
                case POP -> top--;
                case CALL -> {
                    PyFunction callee = program.function(instruction.index());
                    top -= callee.arity();
                    long[] calleeArguments = Arrays.copyOfRange(stack, top, top + callee.arity());
                    stack[top++] = execute(program, callee, calleeArguments);
                }
                case RETURN -> {
                    return stack[--top];
                }
                case NEW -> bind(instruction.index(), heap.allocate());
                case READ -> read(instruction.index());
                case DEL -> bind(instruction.index(), null);
                case IO -> stack[top - 1] = calls.io(device, stack[top - 1]);
                case NATIVE -> stack[top - 1] = calls.callNative(natives.get(instruction.index()), stack[top - 1]);
            }
        }
    }
    // end::eval-loop[]

    // tag::objects[]
    /** {@code x = object()} or {@code del x}: the variable takes the new object's one reference. */
    private void bind(int variable, PyObject object) {
        PyObject old = variables[variable];
        variables[variable] = object;
        if (old != null) {
            heap.decref(old); // the variable no longer refers to the old object
        }
    }

    /** {@code x} as a statement: push a reference to the object (LOAD_GLOBAL), then pop it (POP_TOP). */
    private void read(int variable) {
        PyObject object = variables[variable];
        heap.incref(object);
        heap.decref(object);
    }
    // end::objects[]

    /**
     * What a run of several threads did: each program's result, the time it took, the CPU time
     * its threads used between them, and the checker's report.
     */
    public record Run(List<Long> results, Duration elapsed, Duration cpu, HeapReport heap) {

        /** How many cores the threads kept busy on average: CPU time over elapsed time. */
        public double coresBusy() {
            return (double) cpu.toNanos() / elapsed.toNanos();
        }
    }

    /**
     * Runs each program on its own interpreter thread, all started together, and waits for them.
     *
     * @throws IllegalStateException if a thread failed, naming the thread
     */
    public Run runThreads(List<Program> programs) throws InterruptedException {
        int count = programs.size();
        AtomicReferenceArray<Long> results = new AtomicReferenceArray<>(count);
        AtomicReferenceArray<Throwable> errors = new AtomicReferenceArray<>(count);
        AtomicLong cpuNanos = new AtomicLong();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            threads.add(Thread.ofPlatform().name("interpreter-" + (char) ('A' + i)).daemon(true).start(() -> {
                try {
                    go.await();
                    results.set(index, run(programs.get(index)));
                } catch (Throwable e) {
                    errors.set(index, e);
                } finally {
                    cpuNanos.addAndGet(THREAD_CLOCK.getCurrentThreadCpuTime());
                }
            }));
        }
        long start = System.nanoTime();
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        List<Long> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (errors.get(i) != null) {
                throw new IllegalStateException(threads.get(i).getName() + " failed: " + errors.get(i), errors.get(i));
            }
            list.add(results.get(i));
        }
        return new Run(list, elapsed, Duration.ofNanos(cpuNanos.get()), heap.report());
    }

    /** How to build an interpreter: its GIL, its reference counts, its external calls, its devices. */
    public static final class Builder {

        private final Gil gil;
        private Supplier<RefCount> counts = PlainRefCount::new;
        private Function<Gil, ExternalCalls> calls = HoldingCalls::new;
        private IoDevice device = IoDevice.sleeping();
        private List<NativeFunction> natives = List.of();
        private int variables = 8;

        private Builder(Gil gil) {
            this.gil = gil;
        }

        /** How objects count references; plain counts by default (right only under a GIL). */
        public Builder counts(Supplier<RefCount> counts) {
            this.counts = counts;
            return this;
        }

        /** How IO and native calls treat the GIL; by default they keep it (no overlap). */
        public Builder calls(Function<Gil, ExternalCalls> calls) {
            this.calls = calls;
            return this;
        }

        /** The device the IO instruction calls; by default, one that sleeps for the request in milliseconds. */
        public Builder device(IoDevice device) {
            this.device = device;
            return this;
        }

        /** The native functions, numbered from 0 as the NATIVE instruction names them. */
        public Builder natives(NativeFunction... natives) {
            this.natives = List.of(natives);
            return this;
        }

        public Builder variables(int variables) {
            this.variables = variables;
            return this;
        }

        public Interpreter build() {
            return new Interpreter(this);
        }
    }
}
