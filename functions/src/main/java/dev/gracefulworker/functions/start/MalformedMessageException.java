package dev.gracefulworker.functions.start;

/** A lifecycle message that cannot be acted on; names the field. Never retried: it goes to the dead-letter queue. */
public class MalformedMessageException extends RuntimeException {

    private final String field;

    public MalformedMessageException(String field, String problem) {
        super("malformed lifecycle message: " + field + " " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
