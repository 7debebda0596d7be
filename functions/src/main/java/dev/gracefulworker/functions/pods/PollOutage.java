package dev.gracefulworker.functions.pods;

/**
 * {@code $.poll.outage}: how long "Check pods" has been failing in a row. The state machine counts it up after each
 * failed check ("Count the failed check") and gives up at maxOutageSeconds; a check that works starts it over.
 *
 * @param failedChecks        failed checks in a row
 * @param secondsWithoutCheck seconds waited since the last check that worked
 */
public record PollOutage(int failedChecks, long secondsWithoutCheck) {

    /** No outage: what every check that works reports. */
    public static final PollOutage NONE = new PollOutage(0, 0);
}
