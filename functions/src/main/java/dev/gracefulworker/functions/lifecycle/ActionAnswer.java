package dev.gracefulworker.functions.lifecycle;

/** How Auto Scaling answered a lifecycle action call. */
public enum ActionAnswer {
    ACCEPTED,
    /** "No active Lifecycle Action found": completed before, expired, or never existed. */
    NO_ACTIVE_ACTION,
    /** The token was refused (unknown or malformed): worth asking again by instance id. */
    TOKEN_REJECTED
}
