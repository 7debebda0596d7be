package dev.gracefulworker.functions.start;

/**
 * An SNS event or lifecycle message that cannot be acted on; names the field. Never retried by the state machine:
 * Lambda's asynchronous retries fail the same way, then the event goes to the dead-letter queue.
 */
public class MalformedMessageException extends RuntimeException {

    private final String field;

    /** A lifecycle message (the SNS {@code Message}) whose {@code field} has {@code problem}. */
    public MalformedMessageException(String field, String problem) {
        this("malformed lifecycle message: ", field, problem);
    }

    private MalformedMessageException(String what, String field, String problem) {
        super(what + field + " " + problem);
        this.field = field;
    }

    /** The SNS event around the messages is broken at {@code path} ({@code Records[2].Sns.Message}, {@code the event}). */
    public static MalformedMessageException inEvent(String path, String problem) {
        return new MalformedMessageException("malformed SNS event: ", path, problem);
    }

    public String field() {
        return field;
    }
}
