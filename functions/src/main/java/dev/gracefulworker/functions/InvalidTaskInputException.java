package dev.gracefulworker.functions;

/** A task input field the state machine should never send like this; names the field. Not retried. */
public class InvalidTaskInputException extends RuntimeException {

    public InvalidTaskInputException(String field, String problem) {
        super("invalid task input " + field + ": " + problem);
    }
}
