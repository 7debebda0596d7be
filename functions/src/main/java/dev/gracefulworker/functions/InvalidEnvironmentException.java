package dev.gracefulworker.functions;

/** The function's environment is missing a variable or holds a bad value; the message names the variable. */
public class InvalidEnvironmentException extends RuntimeException {

    private final String problem;

    public InvalidEnvironmentException(String variable, String problem) {
        super("environment variable " + variable + ": " + problem);
        this.problem = problem;
    }

    /** What is wrong with the value, without the variable's name (for tools that did not read it from one). */
    public String problem() {
        return problem;
    }
}
