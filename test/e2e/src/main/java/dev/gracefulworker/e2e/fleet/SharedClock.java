package dev.gracefulworker.e2e.fleet;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one clock of a fleet run, shared by every execution's Waits, the emulators' timers and the handlers: it runs
 * with real time while any participant is working (a Lambda invocation, a retry's backoff, the interpreter between
 * states) and, the moment every participant is asleep, jumps to the earliest wake-up. So concurrent executions
 * interleave as they would in real time, and an hour of Waits costs seconds.
 *
 * <p>A participant is an execution (from {@link #enter()} to {@link #leave()}) or the driver that starts them; one
 * that stops talking cannot stall the others: their wake-ups still come, in real time.

 */
public final class SharedClock extends Clock {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition moved = lock.newCondition();
    /** Pending wake-ups and how many sleepers share each (a multiset). */
    private final TreeMap<Instant, Integer> wakeUps = new TreeMap<>();
    private volatile Duration skipped = Duration.ZERO;
    private int working;
    private long jumps;

    /** Starts at the current real instant, with no participant. */
    public SharedClock() {
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(skipped);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        // nothing in a fleet run reads zoned time; another zone would need a view that follows this clock
        if (!zone.equals(getZone())) {
            throw new UnsupportedOperationException("the shared clock is UTC only, not " + zone);
        }
        return this;
    }

    /** A participant starts working: until it leaves or sleeps, the clock runs in real time only. */
    public void enter() {
        lock.lock();
        try {
            working++;
        } finally {
            lock.unlock();
        }
    }

    /** A participant is done. */
    public void leave() {
        lock.lock();
        try {
            if (working == 0) {
                throw new IllegalStateException("leave() without enter()");
            }
            working--;
            jumpIfAllAsleep();
        } finally {
            lock.unlock();
        }
    }

    /** A working participant sleeps {@code duration} of clock time (an execution in a Wait state). */
    public void sleep(Duration duration) throws InterruptedException {
        sleepUntil(instant().plus(duration));
    }

    /** A working participant sleeps until {@code wakeUp}, then works again. */
    public void sleepUntil(Instant wakeUp) throws InterruptedException {
        lock.lock();
        try {
            if (working == 0) {
                throw new IllegalStateException("sleep by a participant that did not enter()");
            }
            wakeUps.merge(wakeUp, 1, Integer::sum);
            working--;
            try {
                jumpIfAllAsleep();
                for (Duration left = Duration.between(instant(), wakeUp); left.isPositive();
                     left = Duration.between(instant(), wakeUp)) {
                    moved.awaitNanos(Math.max(1, Math.min(left.toNanos(), TimeUnit.MILLISECONDS.toNanos(200))));
                }
            } finally {
                // still registered until here, so a jump can never pass a sleeper that has not woken yet
                wakeUps.computeIfPresent(wakeUp, (_, count) -> count == 1 ? null : count - 1);
                working++;
            }
        } finally {
            lock.unlock();
        }
    }

    /** How often the clock skipped ahead because everyone slept. */
    public long jumps() {
        lock.lock();
        try {
            return jumps;
        } finally {
            lock.unlock();
        }
    }

    /** How much clock time was skipped in all, beyond real time. */
    public Duration skipped() {
        return skipped;
    }

    private void jumpIfAllAsleep() {
        if (working > 0 || wakeUps.isEmpty()) {
            return;
        }
        Duration gap = Duration.between(instant(), wakeUps.firstKey());
        if (gap.isPositive()) {
            skipped = skipped.plus(gap);
            jumps++;
            moved.signalAll();
        }
    }
}
