package dev.gracefulworker.e2e;

/**
 * One row of the console transcript: the scenario time, the state and its type, what happened there and, for a Task,
 * the result it wrote.
 *
 * @param order  1 for the first row of the run
 * @param kind   a state's row, or a failure, retry or catch of the state above
 * @param time   {@code m:ss} of scenario time; empty on a row that continues the state above (a retry, a catch)
 * @param result a Task's result at its ResultPath, or null
 */
public record TranscriptRow(int order, Kind kind, String time, String state, String type, String detail,
                            String result) {

    /** What a row reports. */
    public enum Kind { STATE, FAILED, RETRIED, CAUGHT }
}
