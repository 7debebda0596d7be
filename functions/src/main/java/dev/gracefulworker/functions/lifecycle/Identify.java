package dev.gracefulworker.functions.lifecycle;

/** Which id a lifecycle action call names the action by. */
public enum Identify {
    BY_TOKEN,
    BY_INSTANCE_ID
}
