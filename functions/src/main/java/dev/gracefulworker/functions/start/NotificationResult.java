package dev.gracefulworker.functions.start;

/** The outcome for one SNS record: the execution it started (or found), or why it was ignored. */
public record NotificationResult(StartOutcome outcome, String instanceId, String executionName, String reason) {}
