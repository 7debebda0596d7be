package dev.gracefulworker.emulator.kube;

/** One request the emulator served: method, raw path, raw query (null when absent) and the status it answered. */
public record RecordedRequest(String method, String path, String query, int status) {}
