package dev.gracefulworker.emulator.kube;

/** A served request with the time the server spent on it (from reading the request to writing the answer). */
public record TimedRequest(RecordedRequest request, long serverNanos) {}
