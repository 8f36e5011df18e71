package course.gil;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A program: a list of functions, the first one ({@code main}, no arguments) is where it starts.
 * Written with a small assembler that resolves jump labels and function names:
 *
 * <pre>{@code
 * Program.builder()
 *     .function("main", 0, 0).push(1_000).call("count").pop().push(0).ret()
 *     .function("count", 1, 1).label("loop")...
 *     .build();
 * }</pre>
 */
public record Program(List<PyFunction> functions) {

    public Program {
        functions = List.copyOf(functions);
    }

    public PyFunction main() {
        return functions.get(0);
    }

    public PyFunction function(int index) {
        return functions.get(index);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The assembler. Each instruction method adds one instruction to the function being written. */
    public static final class Builder {

        private record Pending(String name, int arity, int locals, List<Object[]> code, Map<String, Integer> labels) {
        }

        private final List<Pending> functions = new ArrayList<>();

        /** Starts a new function; the first one is {@code main}. */
        public Builder function(String name, int arity, int locals) {
            functions.add(new Pending(name, arity, locals, new ArrayList<>(), new HashMap<>()));
            return this;
        }

        public Builder label(String label) {
            current().labels().put(label, current().code().size());
            return this;
        }

        public Builder push(long value) { return add(Op.PUSH, value); }
        public Builder load(int slot) { return add(Op.LOAD, slot); }
        public Builder store(int slot) { return add(Op.STORE, slot); }
        public Builder add() { return add(Op.ADD, 0); }
        public Builder less() { return add(Op.LESS, 0); }
        public Builder jumpIfTrue(String label) { return add(Op.JUMP_IF_TRUE, label); }
        public Builder pop() { return add(Op.POP, 0); }
        public Builder call(String function) { return add(Op.CALL, "function:" + function); }
        public Builder ret() { return add(Op.RETURN, 0); }
        public Builder newObject(int variable) { return add(Op.NEW, variable); }
        public Builder read(int variable) { return add(Op.READ, variable); }
        public Builder del(int variable) { return add(Op.DEL, variable); }
        public Builder io() { return add(Op.IO, 0); }
        public Builder callNative(int function) { return add(Op.NATIVE, function); }

        private Builder add(Op op, Object arg) {
            current().code().add(new Object[] {op, arg});
            return this;
        }

        private Pending current() {
            if (functions.isEmpty()) {
                throw new IllegalStateException("start a function first");
            }
            return functions.get(functions.size() - 1);
        }

        public Program build() {
            Map<String, Integer> indexOf = new HashMap<>();
            for (int i = 0; i < functions.size(); i++) {
                indexOf.put(functions.get(i).name(), i);
            }
            List<PyFunction> built = new ArrayList<>();
            for (Pending f : functions) {
                List<Instruction> code = new ArrayList<>();
                for (Object[] raw : f.code()) {
                    code.add(new Instruction((Op) raw[0], resolve(raw[1], f, indexOf)));
                }
                built.add(new PyFunction(f.name(), f.arity(), f.locals(), code));
            }
            return new Program(built);
        }

        private static long resolve(Object arg, Pending f, Map<String, Integer> indexOf) {
            if (arg instanceof Number n) {
                return n.longValue();
            }
            String name = (String) arg;
            Integer target = name.startsWith("function:") ? indexOf.get(name.substring(9)) : f.labels().get(name);
            if (target == null) {
                throw new IllegalArgumentException(f.name() + ": no " + name);
            }
            return target;
        }
    }
}
