package dev.gracefulworker.functions.operator;

import dev.gracefulworker.functions.Wiring;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gwt preflight}: one line per check, each failure with its fix; exit 0 only when nothing failed. */
@Command(name = "preflight", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Checks what a deploy and a drain need, with your AWS credentials and the cluster's API.",
            "Give the values of your cdk deploy context; after the deploy add the stack outputs to check the hooks "
                    + "and the access entry it made.",
            "Exit code 0 when no check failed, 1 when one did, 2 for a usage error."})
final class PreflightCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Cluster cluster;

    static final class Cluster {
        @Option(names = "--cluster-name", paramLabel = "NAME", required = true,
                description = "EKS cluster (context clusterName)")
        String clusterName;

        @Option(names = "--kubeconfig-secret-arn", paramLabel = "ARN", required = true,
                description = "Secrets Manager secret holding a kubeconfig (context kubeconfigSecretArn)")
        String kubeconfigSecretArn;
    }

    @Option(names = "--auto-scaling-group-names", split = ",", paramLabel = "NAME",
            description = "groups the hooks are on, comma-separated (context autoScalingGroupNames)")
    List<String> autoScalingGroupNames = List.of();

    @Option(names = "--lifecycle-hook-name", paramLabel = "NAME", defaultValue = "graceful-worker-terminator",
            description = "the hooks' name (context lifecycleHookName; default: ${DEFAULT-VALUE})")
    String lifecycleHookName;

    @Option(names = "--kubernetes-group", paramLabel = "GROUP", defaultValue = "graceful-worker-terminator",
            description = "Kubernetes group of the functions (context kubernetesGroup; default: ${DEFAULT-VALUE})")
    String kubernetesGroup;

    @Option(names = "--event-bridge-entry", description = "the stack starts from EventBridge (context "
            + "eventBridgeEntry): its hooks notify no topic")
    boolean eventBridgeEntry;

    @Option(names = "--topic-arn", paramLabel = "ARN", description = "stack output TopicArn: the hooks must notify it")
    String topicArn;

    @Option(names = "--hook-role-arn", paramLabel = "ARN",
            description = "stack output LifecycleHookRoleArn: the hooks must publish as it")
    String hookRoleArn;

    @Option(names = "--task-role-arn", paramLabel = "ARN",
            description = "stack output TaskRoleArn: its EKS access entry must exist, in the Kubernetes group")
    String taskRoleArn;

    @Option(names = "--region", paramLabel = "REGION", description = "AWS region (default: AWS_REGION, then "
            + "AWS_DEFAULT_REGION)")
    String region;

    @Override
    public Integer call() {
        var env = new HashMap<>(System.getenv());
        Optional.ofNullable(region).or(() -> Optional.ofNullable(env.get("AWS_REGION")))
                .or(() -> Optional.ofNullable(env.get("AWS_DEFAULT_REGION")))
                .ifPresentOrElse(r -> env.put("AWS_REGION", r), () -> {
                    throw new CommandLine.ParameterException(spec.commandLine(),
                            "no AWS region: give --region or set AWS_REGION");
                });
        Wiring wiring = OperatorWiring.forRegion(spec, env.get("AWS_REGION"));
        List<CheckResult> results = new Preflight(wiring).run(target());
        return report(results, spec.commandLine().getOut(), wiring.region().id());
    }

    private PreflightTarget target() {
        PreflightTarget.ClusterRef ref = cluster.clusterName != null
                ? new PreflightTarget.ClusterRef.Eks(cluster.clusterName)
                : new PreflightTarget.ClusterRef.KubeconfigSecret(cluster.kubeconfigSecretArn);
        return new PreflightTarget(ref, autoScalingGroupNames, lifecycleHookName, kubernetesGroup,
                Optional.ofNullable(topicArn), Optional.ofNullable(hookRoleArn), Optional.ofNullable(taskRoleArn),
                eventBridgeEntry);
    }

    static int report(List<CheckResult> results, PrintWriter out, String region) {
        out.println("gwt preflight (" + region + ")");
        results.forEach(result -> out.println(result.line()));
        long failed = results.stream().filter(r -> r.status() == CheckResult.Status.FAIL).count();
        long notChecked = results.stream().filter(r -> r.status() == CheckResult.Status.NOT_CHECKED).count();
        out.printf("%d checks: %d passed, %d failed, %d not checked%n", results.size(),
                results.size() - failed - notChecked, failed, notChecked);
        return failed == 0 ? 0 : Gwt.FAILED;
    }
}
