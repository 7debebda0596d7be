package dev.gracefulworker.statemachine;

/**
 * The shared poll interval formula of WORKFLOW.md: short intervals while pods are likely to finish soon, then
 * intervals that grow with the time waited (a tenth of it), capped, and never past the deadline.
 */
public final class PollSchedule {

    private PollSchedule() {
    }

    /** Seconds to wait before the next pod check, {@code elapsedSeconds} after the wait started. */
    public static int nextWaitSeconds(long elapsedSeconds, WorkflowSettings settings) {
        long grown = Math.min(Math.max(elapsedSeconds / 10, settings.pollIntervalSeconds()),
                settings.maxPollIntervalSeconds());
        long untilDeadline = settings.maxWaitSeconds() - elapsedSeconds;
        return (int) Math.max(1, Math.min(grown, untilDeadline));
    }

    /**
     * The most pod checks a wait of {@code maxWaitSeconds} can take: one at the start and one after every wait, until
     * the deadline. Assumes the checks themselves take no time, which is the worst case.
     */
    public static int maxChecks(WorkflowSettings settings) {
        int checks = 1;
        long elapsed = 0;
        while (elapsed < settings.maxWaitSeconds()) {
            elapsed += nextWaitSeconds(elapsed, settings);
            checks++;
        }
        return checks;
    }
}
