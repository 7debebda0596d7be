package dev.gracefulworker.functions.observability;

/** The EMF metrics the functions emit (names are what dashboards and alarms use). */
public enum Metric {
    NodesCordoned,
    PodsWaitedFor,
    PodsEvicted,
    EvictionsBlocked,
    EvictionsThrottled,
    PodsStuckTerminating,
    PodsForceDeleted,
    HeartbeatsRecorded,
    LifecycleActionsCompleted,
    ExecutionsStarted,
    NotificationsIgnored,
    MessagesRejected
}
