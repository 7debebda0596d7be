package dev.gracefulworker.functions.operator;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;

/**
 * Whether target health can be read, as "Check pods" reads it before completing: the groups' attached target groups
 * (DescribeAutoScalingGroups), every target group of the region (DescribeTargetGroups, the one the controllers' tags
 * are looked up in) and DescribeTargetHealth on the attached ones. Asked with the operator's credentials; the stack
 * grants the same three ELB actions on {@code *} to the task role.
 */
final class LoadBalancingPreflight {

    static final String SUBJECT = "read target health";

    private final AutoScalingClient autoScaling;
    private final ElasticLoadBalancingV2Client elb;

    LoadBalancingPreflight(AutoScalingClient autoScaling, ElasticLoadBalancingV2Client elb) {
        this.autoScaling = autoScaling;
        this.elb = elb;
    }

    CheckResult check(PreflightTarget target) {
        List<String> attached = new ArrayList<>();
        if (!target.autoScalingGroupNames().isEmpty()) {
            try {
                autoScaling.describeAutoScalingGroups(r -> r.autoScalingGroupNames(target.autoScalingGroupNames()))
                        .autoScalingGroups().stream().map(AutoScalingGroup::targetGroupARNs).forEach(attached::addAll);
            } catch (SdkException e) {
                return AwsFailure.of(SUBJECT, "DescribeAutoScalingGroups", "autoscaling:DescribeAutoScalingGroups", e);
            }
        }
        int inRegion;
        try {
            inRegion = elb.describeTargetGroups(r -> r.pageSize(400)).targetGroups().size();
        } catch (SdkException e) {
            return AwsFailure.of(SUBJECT, "DescribeTargetGroups", "elasticloadbalancing:DescribeTargetGroups", e);
        }
        for (String arn : attached) {
            try {
                elb.describeTargetHealth(r -> r.targetGroupArn(arn));
            } catch (SdkException e) {
                return AwsFailure.of(SUBJECT + " of " + arn, "DescribeTargetHealth",
                        "elasticloadbalancing:DescribeTargetHealth", e);
            }
        }
        return CheckResult.pass(SUBJECT, "DescribeTargetGroups (%d%s in the region) and DescribeTargetHealth on the %d "
                .formatted(inRegion, inRegion == 400 ? "+" : "", attached.size())
                + "target groups attached to the groups answer; the stack grants the task role the same actions");
    }
}
