package dev.gracefulworker.emulator.kube;

import java.time.Instant;

/**
 * A served request with the time the server spent on it (from reading the request to writing the answer) and the
 * emulator clock's instant when it started being served (scenario time: a fleet benchmark counts requests per virtual
 * second from it).
 */
public record TimedRequest(RecordedRequest request, long serverNanos, Instant at) {}
