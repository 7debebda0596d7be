package dev.gracefulworker.functions.loadbalancing;

import dev.gracefulworker.functions.aws.AwsFailures;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TagDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;

/**
 * {@link TargetGroups} through the Auto Scaling and Elastic Load Balancing v2 APIs: DescribeAutoScalingGroups for the
 * group's TargetGroupARNs, DescribeTargetGroups and DescribeTags for the groups tagged for the cluster (instance
 * targets only: IP targets are pods, not the node), DescribeTargetHealth for where the instance stands. A target in
 * state {@code unused} (not registered, or its group in no load balancer) receives no traffic and counts as gone.
 */
public final class ElbTargetGroups implements TargetGroups {

    /** The tag the AWS Load Balancer Controller puts on its target groups, valued with the cluster name. */
    public static final String LOAD_BALANCER_CONTROLLER_TAG = "elbv2.k8s.aws/cluster";
    /** The tag key prefix the Service controller (cloud-provider-aws) puts on its target groups. */
    public static final String SERVICE_CONTROLLER_TAG_PREFIX = "kubernetes.io/cluster/";
    private static final int TAGS_PER_CALL = 20;

    private final ElasticLoadBalancingV2Client elb;
    private final AutoScalingClient autoScaling;
    private final Optional<String> clusterName;

    /** @param clusterName the cluster whose tagged target groups to watch; empty: only attached and named groups */
    public ElbTargetGroups(ElasticLoadBalancingV2Client elb, AutoScalingClient autoScaling, Optional<String> clusterName) {
        this.elb = elb;
        this.autoScaling = autoScaling;
        this.clusterName = clusterName;
    }

    @Override
    public List<TargetGroupHold> holding(String instanceId, String autoScalingGroupName, List<String> explicitArns) {
        Map<String, String> candidates = new LinkedHashMap<>();
        attachedTo(autoScalingGroupName).forEach(arn -> candidates.putIfAbsent(arn, "attached to " + autoScalingGroupName));
        clusterName.ifPresent(cluster -> candidates.putAll(taggedFor(cluster, candidates)));
        explicitArns.forEach(arn -> candidates.putIfAbsent(arn, "targetGroupArns"));
        return holdingAmong(instanceId, candidates);
    }

    @Override
    public List<TargetGroupHold> stillHolding(String instanceId, List<TargetGroupHold> previous) {
        Map<String, String> known = new LinkedHashMap<>();
        previous.forEach(hold -> known.put(hold.targetGroupArn(), hold.foundBy()));
        return holdingAmong(instanceId, known);
    }

    /** The groups among {@code candidates} (ARN to why it was looked at) that still hold the instance. */
    private List<TargetGroupHold> holdingAmong(String instanceId, Map<String, String> candidates) {
        List<TargetGroupHold> holding = new ArrayList<>();
        candidates.forEach((arn, foundBy) -> stateOf(instanceId, arn)
                .ifPresent(state -> holding.add(new TargetGroupHold(arn, state, foundBy))));
        return holding;
    }

    private List<String> attachedTo(String autoScalingGroupName) {
        try {
            return autoScaling.describeAutoScalingGroups(r -> r.autoScalingGroupNames(autoScalingGroupName))
                    .autoScalingGroups().stream().map(AutoScalingGroup::targetGroupARNs).flatMap(List::stream).toList();
        } catch (SdkException e) {
            throw AwsFailures.translate("DescribeAutoScalingGroups " + autoScalingGroupName, e);
        }
    }

    private Map<String, String> taggedFor(String cluster, Map<String, String> known) {
        try {
            List<String> instanceGroups = elb.describeTargetGroupsPaginator(r -> { }).targetGroups().stream()
                    .filter(group -> "instance".equals(group.targetTypeAsString()))
                    .map(TargetGroup::targetGroupArn)
                    .filter(arn -> !known.containsKey(arn))
                    .toList();
            Map<String, String> tagged = new LinkedHashMap<>();
            for (int from = 0; from < instanceGroups.size(); from += TAGS_PER_CALL) {
                List<String> batch = instanceGroups.subList(from, Math.min(from + TAGS_PER_CALL, instanceGroups.size()));
                for (TagDescription description : elb.describeTags(r -> r.resourceArns(batch)).tagDescriptions()) {
                    description.tags().stream()
                            .filter(tag -> LOAD_BALANCER_CONTROLLER_TAG.equals(tag.key()) && cluster.equals(tag.value())
                                    || (SERVICE_CONTROLLER_TAG_PREFIX + cluster).equals(tag.key()))
                            .findFirst()
                            .ifPresent(tag -> tagged.put(description.resourceArn(), "tagged " + tag.key()
                                    + (tag.key().equals(LOAD_BALANCER_CONTROLLER_TAG) ? "=" + tag.value() : "")));
                }
            }
            return tagged;
        } catch (SdkException e) {
            throw AwsFailures.translate("DescribeTargetGroups/DescribeTags for cluster " + cluster, e);
        }
    }

    /** The instance's state in the group, or empty when it is gone from it (or the group is gone). */
    private Optional<String> stateOf(String instanceId, String targetGroupArn) {
        try {
            return elb.describeTargetHealth(r -> r.targetGroupArn(targetGroupArn)).targetHealthDescriptions().stream()
                    .filter(description -> instanceId.equals(description.target().id()))
                    .map(TargetHealthDescription::targetHealth)
                    .map(health -> health.stateAsString())
                    .filter(state -> !"unused".equals(state))
                    .findFirst();
        } catch (TargetGroupNotFoundException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw AwsFailures.translate("DescribeTargetHealth " + targetGroupArn + " for " + instanceId, e);
        }
    }
}
