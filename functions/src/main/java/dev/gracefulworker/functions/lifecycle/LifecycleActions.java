package dev.gracefulworker.functions.lifecycle;

/** Auto Scaling's lifecycle action calls. */
public interface LifecycleActions {

    ActionAnswer complete(LifecycleActionRef action, LifecycleResult result, Identify by);

    ActionAnswer recordHeartbeat(LifecycleActionRef action, Identify by);
}
