package dev.gracefulworker.emulator.kube;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The API server's limit on requests served at once, as API Priority and Fairness enforces it with one priority level
 * (kube-apiserver's {@code --max-requests-inflight}, or a level's concurrency shares): a request that arrives while the
 * limit is reached is rejected at once, not queued. Also counts the peak in flight, with or without a limit.
 */
final class ConcurrencyLimit {
    private volatile int maxInFlight = Integer.MAX_VALUE;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final AtomicInteger rejected = new AtomicInteger();

    void limit(int max) {
        this.maxInFlight = checked(max);
    }

    /** The one check of a limit, for the scenario key and the emulator's setter alike. */
    static int checked(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("maxRequestsInFlight must be at least 1, got " + max);
        }
        return max;
    }

    /** Admits the request (the caller must {@link #release()} it) unless {@code maxInFlight} are being served. */
    boolean tryAcquire() {
        while (true) {
            int now = inFlight.get();
            if (now >= maxInFlight) {
                rejected.incrementAndGet();
                return false;
            }
            // compare-and-set rather than increment-then-undo: a rejected request never occupies a slot, even briefly,
            // so a request arriving as another finishes is not refused because of a third that is being turned away
            if (inFlight.compareAndSet(now, now + 1)) {
                peak.accumulateAndGet(now + 1, Math::max);
                return true;
            }
        }
    }

    void release() {
        inFlight.decrementAndGet();
    }

    int peak() {
        return peak.get();
    }

    int rejected() {
        return rejected.get();
    }
}
