package dev.gracefulworker.functions.cordon;

/** What "Cordon node" did. */
public enum CordonAction {
    CORDONED,
    ALREADY_CORDONED,
    WOULD_CORDON,
    NODE_GONE
}
