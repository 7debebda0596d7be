package dev.gracefulworker.bench.report;

/** One target of issue 5 and what was measured against it. */
public record TargetCheck(String target, String measured, boolean met) {}
