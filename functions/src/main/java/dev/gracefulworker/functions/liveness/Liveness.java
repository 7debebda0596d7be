package dev.gracefulworker.functions.liveness;

import dev.gracefulworker.contract.LivenessVerdict;

/**
 * Output of "Check instance and node" ({@code $.target}). {@code nodeName}/{@code matchedBy}/zone/DNS are null
 * when unknown (the Lambda runtime then leaves the key out).
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
