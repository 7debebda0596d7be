package dev.gracefulworker.functions.start;

/** What an SNS message from Auto Scaling turned out to be. */
public sealed interface Notification {

    /** A termination lifecycle action: start the workflow with {@code rawMessage} as input. */
    record Termination(LifecycleMessage message, String rawMessage) implements Notification {}

    /** Something that needs no workflow (test notification, launching transition); says why. */
    record Ignored(String reason, String autoScalingGroupName) implements Notification {}
}
