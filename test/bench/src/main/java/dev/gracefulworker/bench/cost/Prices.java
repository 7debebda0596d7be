package dev.gracefulworker.bench.cost;

import java.math.BigDecimal;

/**
 * List prices the cost model uses (on-demand, no free tier).
 *
 * @param source            where and when the prices hold
 * @param perStateTransition Step Functions Standard, per state transition
 * @param perLambdaRequest  Lambda, per request
 * @param perLambdaGbSecond Lambda x86, per GB-second of billed duration
 */
public record Prices(String source, BigDecimal perStateTransition, BigDecimal perLambdaRequest, BigDecimal perLambdaGbSecond) {

    /** US East (N. Virginia), x86, first pricing tier; the figures issue 5 quotes (AWS pricing pages, 2026). */
    public static Prices usEast1() {
        return new Prices("us-east-1 list prices (Step Functions Standard, Lambda x86 first tier), 2026",
                new BigDecimal("0.025").movePointLeft(3),
                new BigDecimal("0.20").movePointLeft(6),
                new BigDecimal("0.0000166667"));
    }
}
