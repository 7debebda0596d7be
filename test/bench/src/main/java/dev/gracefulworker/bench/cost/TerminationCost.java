package dev.gracefulworker.bench.cost;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * What one termination costs: state transitions, Lambda requests and Lambda compute.
 *
 * @param transitions      state transitions (each billed)
 * @param invocations      Lambda invocations
 * @param gbSeconds        billed Lambda compute
 * @param stepFunctions    $ for the transitions
 * @param lambda           $ for requests and compute
 */
public record TerminationCost(int transitions, int invocations, BigDecimal gbSeconds, BigDecimal stepFunctions, BigDecimal lambda) {

    public BigDecimal total() {
        return stepFunctions.add(lambda);
    }

    /**
     * Prices a termination whose wait takes {@code iterations} poll iterations.
     *
     * @param pollMillis    billed duration of one "Check pods" invocation
     * @param oneOffMillis  billed duration of each other task (liveness, cordon, complete)
     * @param memoryMb      the functions' configured memory
     */
    public static TerminationCost of(TerminationPath path, long iterations, long pollMillis, long oneOffMillis,
                                     int memoryMb, Prices prices) {
        int invocations = path.lambdaInvocations(iterations);
        int polls = path.pollInvocations(iterations);
        long billedMillis = polls * pollMillis + (long) (invocations - polls) * oneOffMillis;
        BigDecimal gbSeconds = BigDecimal.valueOf(memoryMb).divide(BigDecimal.valueOf(1024), MathContext.DECIMAL64)
                .multiply(BigDecimal.valueOf(billedMillis).movePointLeft(3));
        int transitions = path.transitions(iterations);
        BigDecimal stepFunctions = prices.perStateTransition().multiply(BigDecimal.valueOf(transitions));
        BigDecimal lambda = prices.perLambdaRequest().multiply(BigDecimal.valueOf(invocations))
                .add(prices.perLambdaGbSecond().multiply(gbSeconds));
        return new TerminationCost(transitions, invocations, gbSeconds, stepFunctions, lambda);
    }
}
