package dev.gracefulworker.functions;

/** The function's environment is missing a variable or holds a bad value; the message names the variable. */
public class InvalidEnvironmentException extends RuntimeException {

    public InvalidEnvironmentException(String variable, String problem) {
        super("environment variable " + variable + ": " + problem);
    }
}
