package dev.gracefulworker.functions.loadbalancing;

/**
 * A target group that still holds the instance: ELB may still send it traffic (or is finishing it, {@code draining}).
 *
 * @param targetGroupArn the group
 * @param state          the target's state as DescribeTargetHealth gives it ({@code healthy}, {@code draining}, …)
 * @param foundBy        why the group was looked at: attached to the Auto Scaling group, tagged for the cluster, or
 *                       named in {@code targetGroupArns}
 */
public record TargetGroupHold(String targetGroupArn, String state, String foundBy) {

    /** The group's name, from its ARN ({@code …:targetgroup/<name>/<id>}). */
    public String name() {
        int start = targetGroupArn.indexOf(":targetgroup/");
        if (start < 0) {
            return targetGroupArn;
        }
        String rest = targetGroupArn.substring(start + ":targetgroup/".length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }
}
