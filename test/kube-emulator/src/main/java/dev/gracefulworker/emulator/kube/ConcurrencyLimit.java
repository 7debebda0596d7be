package dev.gracefulworker.emulator.kube;

import java.time.Duration;
import java.util.TreeSet;

/**
 * The API server's limit on requests served at once, as API Priority and Fairness enforces it with one priority level
 * (kube-apiserver's {@code --max-requests-inflight}, or a level's concurrency shares). A request that arrives while the
 * limit is reached waits in the level's one queue, if there is room, for at most the wait limit (kube-apiserver: a
 * quarter of {@code --request-timeout}, 15 s by default), in arrival order; without room, or past the wait, it is
 * rejected. A queue length of 0 is a level whose {@code limitResponse} is {@code Reject}: rejected at once. Also counts
 * the peak in flight, with or without a limit.
 */
final class ConcurrencyLimit {
    /** kube-apiserver's queue wait limit: {@code --request-timeout} (60 s) / 4. */
    static final Duration DEFAULT_QUEUE_WAIT = Duration.ofSeconds(15);

    private int maxInFlight = Integer.MAX_VALUE;
    private int queueLength;
    private long queueWaitNanos = DEFAULT_QUEUE_WAIT.toNanos();
    private int inFlight;
    private int peak;
    private int rejected;
    private int queued;
    /** The requests waiting, by arrival: the first goes when a slot frees, as one FIFO queue serves them. */
    private final TreeSet<Long> line = new TreeSet<>();
    private long nextTicket;

    /** Serves at most {@code max} at once and rejects the rest at once. */
    synchronized void limit(int max) {
        limit(max, 0, DEFAULT_QUEUE_WAIT);
    }

    /** Serves at most {@code max} at once; up to {@code queueLength} more wait at most {@code queueWait} each. */
    synchronized void limit(int max, int queueLength, Duration queueWait) {
        this.maxInFlight = checked(max);
        this.queueLength = checkedQueueLength(queueLength);
        this.queueWaitNanos = checkedQueueWait(queueWait).toNanos();
        notifyAll();
    }

    /** The one check of a limit, for the scenario key and the emulator's setter alike. */
    static int checked(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("maxRequestsInFlight must be at least 1, got " + max);
        }
        return max;
    }

    static int checkedQueueLength(int queueLength) {
        if (queueLength < 0) {
            throw new IllegalArgumentException("queueLengthLimit must not be negative, got " + queueLength);
        }
        return queueLength;
    }

    static Duration checkedQueueWait(Duration queueWait) {
        if (queueWait == null || queueWait.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("queueWaitSeconds must be at least 1, got "
                    + (queueWait == null ? null : queueWait.toSeconds()));
        }
        return queueWait;
    }

    /**
     * Admits the request (the caller must {@link #release()} it), after a wait in the queue if the limit is reached and
     * the queue has room; false when it is rejected (no room, or waited too long).
     */
    synchronized boolean acquire() throws InterruptedException {
        if (inFlight < maxInFlight && line.isEmpty()) {
            admit();
            return true;
        }
        if (line.size() >= queueLength) {
            rejected++;
            return false;
        }
        long ticket = nextTicket++;
        line.add(ticket);
        queued++;
        long deadline = System.nanoTime() + queueWaitNanos;
        try {
            while (line.first() != ticket || inFlight >= maxInFlight) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    rejected++;
                    return false;
                }
                wait(Math.max(1, left / 1_000_000));
            }
            admit();
            return true;
        } finally {
            // served or given up, the request leaves the line: the next one may go
            line.remove(ticket);
            notifyAll();
        }
    }

    private void admit() {
        inFlight++;
        peak = Math.max(peak, inFlight);
    }

    synchronized void release() {
        inFlight--;
        notifyAll();
    }

    synchronized int peak() {
        return peak;
    }

    synchronized int rejected() {
        return rejected;
    }

    /** How many requests waited in the queue (admitted or rejected after). */
    synchronized int queued() {
        return queued;
    }
}
