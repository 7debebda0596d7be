package dev.gracefulworker.functions;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Checks the task input fields the state machine must send, and parses the times that arrive as strings. */
public final class TaskInputs {

    private TaskInputs() {}

    public static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidTaskInputException(field, "is missing");
        }
        return value;
    }

    /** An ISO-8601 instant such as {@code $$.Execution.StartTime} ("2026-11-20T09:41:07.512Z"). */
    public static Instant instant(String field, String value) {
        try {
            return Instant.parse(required(field, value));
        } catch (DateTimeParseException e) {
            throw new InvalidTaskInputException(field, "is not an ISO-8601 time: '" + value + "'");
        }
    }

    /** A field Jackson has already bound to its type (an enum, a record), which the state machine always sends. */
    public static <T> T present(String field, T value) {
        if (value == null) {
            throw new InvalidTaskInputException(field, "is missing");
        }
        return value;
    }
}
