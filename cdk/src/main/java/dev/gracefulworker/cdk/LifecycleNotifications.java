package dev.gracefulworker.cdk;

import software.amazon.awscdk.services.autoscaling.CfnLifecycleHook;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sns.Topic;
import software.constructs.Construct;
import software.constructs.IConstruct;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Where Auto Scaling sends lifecycle messages: an encrypted topic only the hook role may publish to (or an existing
 * topic), the hook role that Auto Scaling assumes to publish, and a termination hook on each named group.
 *
 * <p>A hook with a notification target publishes a test message to it while CloudFormation creates the hook, as the
 * hook role: so every hook depends on the hook role's policy and the topic's policy (the key policy is part of the
 * key, which the topic already depends on). Without that, CloudFormation may create a hook first and roll the stack
 * back with "Unable to publish test message to notification target". CDK's own {@code LifecycleHook} does the same.
 *
 * <p>With the EventBridge entry ({@code notifyTopic == false}) the hooks get no notification target: Auto Scaling
 * sends the lifecycle event to EventBridge anyway, and the stack's rule forwards it to the topic, so each termination
 * has exactly one way in.
 */
final class LifecycleNotifications extends Construct {

    static final String TERMINATING = "autoscaling:EC2_INSTANCE_TERMINATING";
    /** What a publisher to a KMS-encrypted topic needs on the key (SNS developer guide, "Encryption at rest"). */
    static final List<String> PUBLISHER_KEY_ACTIONS = List.of("kms:GenerateDataKey*", "kms:Decrypt");

    private final ITopic topic;
    private final Role hookRole;
    private final List<IConstruct> publishPermissions = new ArrayList<>();

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
        publishPermissions.add(hookRole.getNode().findChild("DefaultPolicy"));
        boolean notifyTopic = !config.eventBridgeEntry();
        for (String group : new LinkedHashSet<>(config.autoScalingGroupNames())) {
            var hook = CfnLifecycleHook.Builder.create(this, "Hook-" + group.replaceAll("[^A-Za-z0-9-]", "-"))
                    .autoScalingGroupName(group)
                    .lifecycleHookName(config.lifecycleHookName())
                    .lifecycleTransition(TERMINATING)
                    .heartbeatTimeout(config.settings().heartbeatTimeoutSeconds())
                    // if the workflow never answers, the instance terminates anyway when the heartbeat times out
                    .defaultResult("CONTINUE")
                    .notificationTargetArn(notifyTopic ? topic.getTopicArn() : null)
                    .roleArn(notifyTopic ? hookRole.getRoleArn() : null)
                    .build();
            if (notifyTopic) {
                publishPermissions.forEach(permission -> hook.getNode().addDependency(permission));
            }
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
        publishPermissions.add(created.getNode().findChild("Policy"));
        // named in the key policy itself, not only granted through the role's IAM policy: the SNS guide for
        // encrypted topics names the publishing service's role there, and a reader of the key sees who may use it
        key.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("EncryptLifecycleMessagesByTheHookRole")
                .principals(List.of(hookRole))
                .actions(PUBLISHER_KEY_ACTIONS)
                .resources(List.of("*"))
                .build());
        // and in its IAM policy, with the two actions SNS calls (no wildcard, so cdk-nag IAM5 has nothing to say)
        hookRole.addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("kms:GenerateDataKey", "kms:Decrypt"))
                .resources(List.of(key.getKeyArn()))
                .build());
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
