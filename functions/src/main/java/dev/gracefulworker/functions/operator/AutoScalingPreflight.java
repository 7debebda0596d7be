package dev.gracefulworker.functions.operator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.LifecycleHook;

/** Every named group exists and has (or, before the first deploy, will get) the termination hook the stack expects. */
final class AutoScalingPreflight {

    static final String TERMINATING = "autoscaling:EC2_INSTANCE_TERMINATING";

    private final AutoScalingClient autoScaling;

    AutoScalingPreflight(AutoScalingClient autoScaling) {
        this.autoScaling = autoScaling;
    }

    List<CheckResult> check(PreflightTarget target) {
        var results = new ArrayList<CheckResult>();
        if (target.autoScalingGroupNames().isEmpty()) {
            results.add(CheckResult.notChecked("groups", "no --auto-scaling-group-names given: hooks are yours to "
                    + "create, with the topic and the hook role (stack outputs TopicArn, LifecycleHookRoleArn)"));
            return results;
        }
        Set<String> existing;
        try {
            existing = autoScaling.describeAutoScalingGroups(r -> r.autoScalingGroupNames(target.autoScalingGroupNames()))
                    .autoScalingGroups().stream().map(AutoScalingGroup::autoScalingGroupName).collect(Collectors.toSet());
        } catch (SdkException e) {
            results.add(AwsFailure.of("groups", "DescribeAutoScalingGroups", "autoscaling:DescribeAutoScalingGroups", e));
            return results;
        }
        for (String group : target.autoScalingGroupNames()) {
            if (!existing.contains(group)) {
                results.add(CheckResult.fail("group " + group, "no Auto Scaling group of that name in this region",
                        "correct the name in autoScalingGroupNames (aws autoscaling describe-auto-scaling-groups "
                                + "lists them), or deploy to the group's region"));
                continue;
            }
            results.add(CheckResult.pass("group " + group, "exists"));
            results.add(hook(group, target));
        }
        return results;
    }

    private CheckResult hook(String group, PreflightTarget target) {
        String subject = "hook " + target.lifecycleHookName() + " on " + group;
        Optional<LifecycleHook> found;
        try {
            found = autoScaling.describeLifecycleHooks(r -> r.autoScalingGroupName(group)
                    .lifecycleHookNames(target.lifecycleHookName())).lifecycleHooks().stream().findFirst();
        } catch (SdkException e) {
            return AwsFailure.of(subject, "DescribeLifecycleHooks", "autoscaling:DescribeLifecycleHooks", e);
        }
        boolean deployed = target.topicArn().isPresent() || target.hookRoleArn().isPresent();
        if (found.isEmpty()) {
            return deployed
                    ? CheckResult.fail(subject, "missing", "deploy the stack with " + group
                            + " in autoScalingGroupNames, or create the hook with the topic and role of the stack outputs")
                    : CheckResult.pass(subject, "not there yet: cdk deploy creates it");
        }
        return describe(subject, found.get(), target);
    }

    private static CheckResult describe(String subject, LifecycleHook hook, PreflightTarget target) {
        String detail = "%s, heartbeat %d s, default %s, target %s".formatted(hook.lifecycleTransition(),
                hook.heartbeatTimeout(), hook.defaultResult(),
                hook.notificationTargetARN() == null ? "none" : hook.notificationTargetARN());
        if (!TERMINATING.equals(hook.lifecycleTransition())) {
            return CheckResult.fail(subject, detail, "the hook must be for " + TERMINATING
                    + ": delete it or choose another lifecycleHookName");
        }
        if (target.eventBridgeEntry()) {
            return hook.notificationTargetARN() == null ? CheckResult.pass(subject, detail)
                    : CheckResult.fail(subject, detail, "with eventBridgeEntry the hook must notify no target, or "
                            + "each termination starts through both entries: redeploy the stack");
        }
        if (target.topicArn().isPresent() && !target.topicArn().get().equals(hook.notificationTargetARN())) {
            return CheckResult.fail(subject, detail, "the hook must notify " + target.topicArn().get()
                    + " (stack output TopicArn): redeploy the stack, or aws autoscaling put-lifecycle-hook "
                    + "--notification-target-arn with it");
        }
        if (target.hookRoleArn().isPresent() && !target.hookRoleArn().get().equals(hook.roleARN())) {
            return CheckResult.fail(subject, detail + ", role " + hook.roleARN(), "the hook must publish as "
                    + target.hookRoleArn().get() + " (stack output LifecycleHookRoleArn): redeploy the stack, or aws "
                    + "autoscaling put-lifecycle-hook --role-arn with it");
        }
        return CheckResult.pass(subject, detail);
    }
}
