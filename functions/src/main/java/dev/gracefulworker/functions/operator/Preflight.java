package dev.gracefulworker.functions.operator;

import dev.gracefulworker.functions.InvalidEnvironmentException;
import dev.gracefulworker.functions.Wiring;
import dev.gracefulworker.functions.aws.AwsApiException;
import dev.gracefulworker.functions.kubernetes.KubernetesAccess;
import dev.gracefulworker.functions.kubernetes.KubernetesClientFactory;
import io.kubernetes.client.openapi.ApiClient;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks, with the real AWS and Kubernetes clients, what a deploy and a drain will need: the groups and their hooks,
 * the cluster and its access entry (EKS) or the kubeconfig secret, and the RBAC as the functions' identity.
 */
final class Preflight {

    static final String RBAC_MANIFEST = "cdk/rbac/graceful-worker-terminator-rbac.yaml";
    private static final String PREFLIGHT_USER = "graceful-worker-terminator-preflight";

    private final Wiring wiring;

    Preflight(Wiring wiring) {
        this.wiring = wiring;
    }

    List<CheckResult> run(PreflightTarget target) {
        var results = new ArrayList<>(new AutoScalingPreflight(wiring.autoScaling()).check(target));
        switch (target.cluster()) {
            case PreflightTarget.ClusterRef.Eks(String clusterName) -> eks(clusterName, target, results);
            case PreflightTarget.ClusterRef.KubeconfigSecret(String secretId) -> kubeconfig(secretId, results);
        }
        results.add(new LoadBalancingPreflight(wiring.autoScaling(), wiring.elasticLoadBalancing()).check(target));
        results.add(CheckResult.notChecked("publish to the topic as the hook role", "not checkable from here: SNS has "
                + "no dry run and the role trusts autoscaling.amazonaws.com only. Creating a hook publishes a test "
                + "message as the role and fails if it cannot, so a deployed hook proves it"));
        return results;
    }

    private void eks(String clusterName, PreflightTarget target, List<CheckResult> results) {
        ClusterPreflight.Outcome outcome = new ClusterPreflight(wiring.eks()).check(clusterName, target);
        results.addAll(outcome.results());
        if (!outcome.clusterUsable()) {
            return;
        }
        String user = outcome.functionsUser().orElse(PREFLIGHT_USER);
        ApiClient client = impersonating(clients().create(new KubernetesAccess.EksCluster(clusterName)), user,
                target.kubernetesGroup());
        results.addAll(new RbacPreflight(client, "group " + target.kubernetesGroup(), "kubectl apply -f "
                + RBAC_MANIFEST + " (its binding's subject must be the group " + target.kubernetesGroup() + ")")
                .check());
    }

    private void kubeconfig(String secretId, List<CheckResult> results) {
        String subject = "kubeconfig secret " + secretId;
        ApiClient client;
        try {
            client = clients().create(new KubernetesAccess.KubeconfigSecret(secretId));
        } catch (InvalidEnvironmentException e) {
            results.add(CheckResult.fail(subject, e.problem(), putKubeconfig(secretId)));
            return;
        } catch (AwsApiException e) {
            results.add(CheckResult.fail(subject, e.getMessage(), "allow secretsmanager:GetSecretValue on it to the "
                    + "identity running preflight"));
            return;
        }
        results.add(CheckResult.pass(subject, "parses: server " + client.getBasePath()));
        results.addAll(new RbacPreflight(client, "the kubeconfig's user", "bind the kubeconfig's user or group to "
                + "the ClusterRole of " + RBAC_MANIFEST).check());
    }

    private static String putKubeconfig(String secretId) {
        return "correct kubeconfigSecretArn, or store a kubeconfig (YAML with the server, its CA and credentials) as "
                + "the secret's string: aws secretsmanager put-secret-value --secret-id " + secretId
                + " --secret-string file://kubeconfig (create-secret if it does not exist)";
    }

    private KubernetesClientFactory clients() {
        return new KubernetesClientFactory(wiring::eks, wiring::secretsManager, wiring.credentials(),
                wiring.region().id(), wiring.clock(), KubernetesClientFactory.DEFAULT_READ_TIMEOUT);
    }

    /** The operator's client, asking as the functions: {@code Impersonate-User} and {@code Impersonate-Group}. */
    private static ApiClient impersonating(ApiClient client, String user, String group) {
        client.setHttpClient(client.getHttpClient().newBuilder()
                .addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
                        .header("Impersonate-User", user)
                        .header("Impersonate-Group", group)
                        .build()))
                .build());
        return client;
    }
}
