package dev.gracefulworker.functions.liveness;

import dev.gracefulworker.contract.LivenessVerdict;

/**
 * Output of "Check instance and node" ({@code $.target}). {@code nodeName}/{@code matchedBy}/zone/DNS are null
 * when unknown, and written as JSON nulls: the stream entry point writes with the functions' own Jackson
 * ({@code JsonTaskHandler}), so "Report outcome" finds {@code $.target.nodeName} even without a node.
 */
public record Liveness(
        String instanceId,
        String instanceState,
        String availabilityZone,
        String privateDnsName,
        String nodeName,
        boolean nodeReady,
        MatchedBy matchedBy,
        LivenessVerdict verdict,
        String reason) {}
