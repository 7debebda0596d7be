package dev.gracefulworker.functions;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Reads the task input fields that arrive as strings (timestamps from the context object, enum names). */
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

    public static <E extends Enum<E>> E enumValue(String field, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, required(field, value));
        } catch (IllegalArgumentException e) {
            throw new InvalidTaskInputException(field, "'" + value + "' is not one of "
                    + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
