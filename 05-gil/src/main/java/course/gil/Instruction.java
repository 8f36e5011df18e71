package course.gil;

/** One instruction: an operation and its argument (0 when it takes none). */
public record Instruction(Op op, long arg) {

    /** The argument as an index: a slot, a variable, a function or a jump target. */
    public int index() {
        return (int) arg;
    }

    @Override
    public String toString() {
        return op + " " + arg;
    }
}
