package course.gil;

import java.util.List;

/**
 * A function of a program: its name, how many arguments it takes (they arrive in its first local
 * slots), how many local slots it has, and its code.
 */
public record PyFunction(String name, int arity, int locals, List<Instruction> code) {

    public PyFunction {
        code = List.copyOf(code);
        if (arity > locals) {
            throw new IllegalArgumentException(name + ": " + arity + " arguments but " + locals + " local slots");
        }
    }
}
