package dev.gracefulworker.functions.cordon;

/** Output of "Cordon node" ({@code $.cordon}). */
public record CordonResult(String nodeName, CordonAction action, boolean tainted, String message) {}
