package dev.gracefulworker.contract;

import java.util.Arrays;
import java.util.List;

/** {@code $.poll.status}: the one field "Done waiting?" branches on. */
public enum DrainStatus {
    /** Written only by "Start the clock", before the first check. */
    NOT_STARTED,
    DRAINED,
    WAITING,
    DEADLINE_PASSED,
    ACTION_ENDED;

    /** Every status "Check pods" can return; the Choice must route each of them. */
    public static List<DrainStatus> reportedByCheckPods() {
        return Arrays.stream(values()).filter(status -> status != NOT_STARTED).toList();
    }
}
