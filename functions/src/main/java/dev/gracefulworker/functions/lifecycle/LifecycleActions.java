package dev.gracefulworker.functions.lifecycle;

import dev.gracefulworker.contract.LifecycleResult;

/** Auto Scaling's lifecycle action calls. */
public interface LifecycleActions {

    ActionAnswer complete(LifecycleActionRef action, LifecycleResult result, Identify by);

    ActionAnswer recordHeartbeat(LifecycleActionRef action, Identify by);
}
