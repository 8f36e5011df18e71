package course.gil;

/**
 * The interpreter's instructions. Numbers live on the operand stack and in a function's local
 * slots; objects live in the interpreter's variables, shared by all its threads (like a Python
 * module's globals), and the object instructions name a variable by its number.
 */
public enum Op {
    /** Push the number {@code arg}. */
    PUSH,
    /** Push local slot {@code arg}. */
    LOAD,
    /** Pop into local slot {@code arg}. */
    STORE,
    /** Pop b, pop a, push a + b. */
    ADD,
    /** Pop b, pop a, push 1 if a &lt; b, else 0. */
    LESS,
    /** Pop; if it is not 0, go to instruction {@code arg}. */
    JUMP_IF_TRUE,
    /** Pop and forget. */
    POP,
    /** Call function {@code arg}: pop its arguments, push what it returns. */
    CALL,
    /** Pop the result and return it to the caller. */
    RETURN,
    /** Make a new object and bind variable {@code arg} to it ({@code x = object()}). */
    NEW,
    /** Use the object in variable {@code arg}: take a reference, look at it, drop the reference ({@code x}). */
    READ,
    /** Unbind variable {@code arg}, dropping its reference ({@code del x}). */
    DEL,
    /** Pop a request, make a blocking call to the IO device with it, push the answer. */
    IO,
    /** Pop an argument, call native function {@code arg} with it, push what it returns. */
    NATIVE
}
