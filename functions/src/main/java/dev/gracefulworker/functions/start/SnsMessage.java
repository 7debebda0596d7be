package dev.gracefulworker.functions.start;

/** One SNS record's {@code Message} as Lambda delivered it, with where it sat in the event (for the logs). */
public record SnsMessage(String path, String text) {}
