package dev.gracefulworker.functions.start;

/** What happened to one notification. */
public enum StartOutcome {
    STARTED,
    /** An execution with this name exists already (duplicate delivery): success. */
    ALREADY_STARTED,
    IGNORED
}
