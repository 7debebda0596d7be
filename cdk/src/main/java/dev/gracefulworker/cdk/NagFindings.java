package dev.gracefulworker.cdk;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import software.constructs.IConstruct;

import java.util.List;

/** The cdk-nag AwsSolutions findings this stack accepts, each on the construct it concerns and with its reason. */
final class NagFindings {

    private NagFindings() {
    }

    /** {@code Resource::*} on a role whose wildcard statements are only for actions without resource-level permissions. */
    static void wildcardOnlyWhereNoResourceLevelPermissionExists(IConstruct role) {
        suppress(role, "AwsSolutions-IAM5", "Resource::*",
                "Only actions without resource-level permissions use *: X-Ray PutTraceSegments and "
                        + "PutTelemetryRecords, ec2:DescribeInstances, elasticloadbalancing:DescribeTargetGroups, "
                        + "DescribeTags and DescribeTargetHealth, autoscaling:DescribeAutoScalingGroups, and the "
                        + "CloudWatch Logs delivery actions of Step Functions logging");
    }

    /** The {@code *} in an Auto Scaling group ARN stands for the group's UUID; the name after it pins the group. */
    static void autoScalingGroupArnsPinnedByName(IConstruct role) {
        suppress(role, "AwsSolutions-IAM5", RegexAppliesTo.builder()
                        .regex("/^Resource::arn:<AWS::Partition>:autoscaling:<AWS::Region>:<AWS::AccountId>:"
                                + "autoScalingGroup:\\*:autoScalingGroupName\\/.+$/g")
                        .build(),
                "An Auto Scaling group ARN holds a UUID unknown before deploy: autoScalingGroupName/<name> pins the "
                        + "group; all groups of the account only when autoScalingGroupNames is empty (hooks managed "
                        + "elsewhere)");
    }

    /** Lambda's own policy for network interfaces in a VPC. */
    static void lambdaVpcAccessPolicy(IConstruct role) {
        suppress(role, "AwsSolutions-IAM4",
                "Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole",
                "AWSLambdaVPCAccessExecutionRole is Lambda's own policy for the function's network interfaces in "
                        + "the VPC, maintained by AWS with the service");
    }

    /** @param appliesTo the finding's text, or a {@link RegexAppliesTo} */
    private static void suppress(IConstruct construct, String rule, Object appliesTo, String reason) {
        NagSuppressions.addResourceSuppressions(construct, List.of(NagPackSuppression.builder()
                .id(rule)
                .reason(reason)
                .appliesTo(List.of(appliesTo))
                .build()), true);
    }
}
