package dev.gracefulworker.functions.pods;

import dev.gracefulworker.functions.kubernetes.EvictionOutcome;
import dev.gracefulworker.functions.kubernetes.PodInfo;
import dev.gracefulworker.functions.kubernetes.Pods;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One poll's evictions: at most {@link EvictionBudget#PARALLELISM} in flight, started in order while the budget lasts
 * and until the API server throttles one (API Priority and Fairness: pressing on would only earn more 429s). A pod not
 * started is evicted by the next poll; a pod evicted is Terminating then and is never evicted again.
 */
final class EvictionRound {

    /** A pod and what its eviction came to; {@code outcome} is empty when it was not started this poll. */
    record Attempt(PodInfo pod, java.util.Optional<EvictionOutcome> outcome) {}

    private final Pods pods;
    private final EvictionBudget budget;

    EvictionRound(Pods pods, EvictionBudget budget) {
        this.pods = pods;
        this.budget = budget;
    }

    List<Attempt> evict(List<PodInfo> inOrder) {
        if (inOrder.isEmpty()) {
            return List.of();
        }
        AtomicBoolean throttled = new AtomicBoolean();
        List<Future<Attempt>> futures = new ArrayList<>();
        try (ExecutorService workers = Executors.newFixedThreadPool(Math.min(EvictionBudget.PARALLELISM, inOrder.size()),
                Thread.ofVirtual().name("eviction-", 0).factory())) {
            for (PodInfo pod : inOrder) {
                futures.add(workers.submit(() -> attempt(pod, throttled)));
            }
        }
        List<Attempt> attempts = new ArrayList<>();
        for (Future<Attempt> future : futures) {
            attempts.add(result(future));
        }
        return attempts;
    }

    private Attempt attempt(PodInfo pod, AtomicBoolean throttled) {
        // checked when a worker is free, not when queued: the budget is about when calls start
        if (throttled.get() || !budget.mayStartAnother()) {
            return new Attempt(pod, java.util.Optional.empty());
        }
        EvictionOutcome outcome = pods.evict(pod, budget.callTimeout());
        if (outcome instanceof EvictionOutcome.Throttled) {
            throttled.set(true);
        }
        return new Attempt(pod, java.util.Optional.of(outcome));
    }

    private static Attempt result(Future<Attempt> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            // a failure that is not an eviction answer (5xx, 401): the check fails as a whole, as before
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while evicting", e);
        }
    }
}
