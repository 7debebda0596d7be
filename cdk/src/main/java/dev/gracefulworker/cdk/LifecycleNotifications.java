package dev.gracefulworker.cdk;

import software.amazon.awscdk.services.autoscaling.CfnLifecycleHook;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sns.Topic;
import software.constructs.Construct;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * Where Auto Scaling sends lifecycle messages: an encrypted topic only the hook role may publish to (or an existing
 * topic), the hook role that Auto Scaling assumes to publish, and a termination hook on each named group.
 */
final class LifecycleNotifications extends Construct {

    static final String TERMINATING = "autoscaling:EC2_INSTANCE_TERMINATING";

    private final ITopic topic;
    private final Role hookRole;

    LifecycleNotifications(Construct scope, String id, DeploymentConfig config) {
        super(scope, id);
        this.hookRole = Role.Builder.create(this, "HookRole")
                .assumedBy(new ServicePrincipal("autoscaling.amazonaws.com"))
                .description("Lets Auto Scaling publish lifecycle messages of graceful-worker-terminator's hooks")
                .build();
        this.topic = config.existingTopicArn()
                .map(arn -> Topic.fromTopicArn(this, "Topic", arn))
                .orElseGet(this::encryptedTopic);
        hookRole.addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("sns:Publish"))
                .resources(List.of(topic.getTopicArn()))
                .build());
        for (String group : new LinkedHashSet<>(config.autoScalingGroupNames())) {
            CfnLifecycleHook.Builder.create(this, "Hook-" + group.replaceAll("[^A-Za-z0-9-]", "-"))
                    .autoScalingGroupName(group)
                    .lifecycleHookName(config.lifecycleHookName())
                    .lifecycleTransition(TERMINATING)
                    .heartbeatTimeout(config.settings().heartbeatTimeoutSeconds())
                    // if the workflow never answers, the instance terminates anyway when the heartbeat times out
                    .defaultResult("CONTINUE")
                    .notificationTargetArn(topic.getTopicArn())
                    .roleArn(hookRole.getRoleArn())
                    .build();
        }
    }

    private Topic encryptedTopic() {
        var key = Key.Builder.create(this, "TopicKey")
                .enableKeyRotation(true)
                .description("Encrypts graceful-worker-terminator's lifecycle topic")
                .build();
        var created = Topic.Builder.create(this, "Topic")
                .displayName("graceful-worker-terminator lifecycle messages")
                .masterKey(key)
                .enforceSsl(true)
                .build();
        created.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("PublishOnlyByTheHookRole")
                .principals(List.of(hookRole))
                .actions(List.of("sns:Publish"))
                .resources(List.of(created.getTopicArn()))
                .build());
        key.grant(hookRole, "kms:GenerateDataKey", "kms:Decrypt");
        return created;
    }

    ITopic topic() {
        return topic;
    }

    /** The role Auto Scaling assumes to publish; hooks created outside this stack can use it too. */
    Role hookRole() {
        return hookRole;
    }
}
