package dev.gracefulworker.functions.liveness;

/** Input of "Check instance and node". */
public record CheckLivenessRequest(String instanceId) {}
