package dev.gracefulworker.functions.operator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.AccessEntry;
import software.amazon.awssdk.services.eks.model.Cluster;
import software.amazon.awssdk.services.eks.model.ResourceNotFoundException;

/**
 * The EKS cluster exists, its authentication mode allows access entries (a {@code CONFIG_MAP}-only cluster fails the
 * stack's {@code AWS::EKS::AccessEntry}), and once deployed the task role's entry puts it in the Kubernetes group.
 */
final class ClusterPreflight {

    static final Set<String> ACCESS_ENTRY_MODES = Set.of("API", "API_AND_CONFIG_MAP");

    /** What the cluster checks found: the results, and the entry's Kubernetes user name when there is one. */
    record Outcome(List<CheckResult> results, boolean clusterUsable, Optional<String> functionsUser) {}

    private final EksClient eks;

    ClusterPreflight(EksClient eks) {
        this.eks = eks;
    }

    Outcome check(String clusterName, PreflightTarget target) {
        var results = new ArrayList<CheckResult>();
        String subject = "cluster " + clusterName;
        Cluster cluster;
        try {
            cluster = eks.describeCluster(r -> r.name(clusterName)).cluster();
        } catch (ResourceNotFoundException e) {
            results.add(CheckResult.fail(subject, "no EKS cluster of that name in this region",
                    "correct clusterName (aws eks list-clusters), or deploy to the cluster's region"));
            return new Outcome(results, false, Optional.empty());
        } catch (SdkException e) {
            results.add(AwsFailure.of(subject, "DescribeCluster", "eks:DescribeCluster", e));
            return new Outcome(results, false, Optional.empty());
        }
        results.add(CheckResult.pass(subject, "exists, " + cluster.statusAsString() + ", Kubernetes " + cluster.version()));
        String mode = cluster.accessConfig() == null ? "CONFIG_MAP" : cluster.accessConfig().authenticationModeAsString();
        if (!ACCESS_ENTRY_MODES.contains(mode)) {
            results.add(CheckResult.fail("authentication mode of " + clusterName, mode + ": access entries are refused",
                    "aws eks update-cluster-config --name " + clusterName
                            + " --access-config authenticationMode=API_AND_CONFIG_MAP (one way: it cannot go back)"));
            return new Outcome(results, true, Optional.empty());
        }
        results.add(CheckResult.pass("authentication mode of " + clusterName, mode + " (access entries allowed)"));
        Optional<String> user = target.taskRoleArn().flatMap(role -> accessEntry(clusterName, role, target, results));
        return new Outcome(results, true, user);
    }

    private Optional<String> accessEntry(String clusterName, String role, PreflightTarget target,
                                         List<CheckResult> results) {
        String subject = "access entry of " + role;
        AccessEntry entry;
        try {
            entry = eks.describeAccessEntry(r -> r.clusterName(clusterName).principalArn(role)).accessEntry();
        } catch (ResourceNotFoundException e) {
            results.add(CheckResult.fail(subject, "missing on " + clusterName, "deploy the stack with clusterName="
                    + clusterName + " (it creates the entry), or aws eks create-access-entry --cluster-name "
                    + clusterName + " --principal-arn " + role + " --kubernetes-groups " + target.kubernetesGroup()));
            return Optional.empty();
        } catch (SdkException e) {
            results.add(AwsFailure.of(subject, "DescribeAccessEntry", "eks:DescribeAccessEntry", e));
            return Optional.empty();
        }
        if (!entry.kubernetesGroups().contains(target.kubernetesGroup())) {
            results.add(CheckResult.fail(subject, "groups " + entry.kubernetesGroups(), "the entry must put the role "
                    + "in " + target.kubernetesGroup() + " (the RBAC binding's subject): aws eks update-access-entry "
                    + "--cluster-name " + clusterName + " --principal-arn " + role + " --kubernetes-groups "
                    + target.kubernetesGroup()));
            return Optional.ofNullable(entry.username());
        }
        results.add(CheckResult.pass(subject, "user " + entry.username() + " in group " + target.kubernetesGroup()));
        return Optional.ofNullable(entry.username());
    }
}
