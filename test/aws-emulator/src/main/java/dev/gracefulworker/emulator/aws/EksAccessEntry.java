package dev.gracefulworker.emulator.aws;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An EKS access entry as DescribeAccessEntry reports it.
 *
 * @param clusterName the cluster
 * @param principalArn the IAM principal
 * @param kubernetesGroups the Kubernetes groups the principal is put in
 * @param createdAt when it was added
 */
record EksAccessEntry(String clusterName, String principalArn, List<String> kubernetesGroups, Instant createdAt) {

  EksAccessEntry {
    Objects.requireNonNull(clusterName, "clusterName");
    Objects.requireNonNull(principalArn, "principalArn");
    kubernetesGroups = List.copyOf(kubernetesGroups);
  }

  /** What EKS makes the Kubernetes user name of a role when the entry names none. */
  String username() {
    int slash = principalArn.lastIndexOf('/');
    String roleName = principalArn.substring(slash + 1);
    return principalArn.contains(":role/")
        ? "arn:aws:sts::" + AwsService.ACCOUNT + ":assumed-role/" + roleName + "/{{SessionName}}"
        : principalArn;
  }

  String arn() {
    return "arn:aws:eks:" + AwsService.REGION + ":" + AwsService.ACCOUNT + ":access-entry/" + clusterName + "/role/"
        + AwsService.ACCOUNT + "/" + principalArn.substring(principalArn.lastIndexOf('/') + 1) + "/"
        + Integer.toHexString(principalArn.hashCode());
  }
}
