package dev.gracefulworker.bench.cluster;

import dev.gracefulworker.emulator.aws.AwsEmulator;
import dev.gracefulworker.emulator.kube.KubeEmulator;
import dev.gracefulworker.emulator.kube.TimedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The Kubernetes and AWS emulators of one benchmark section, started in this process; handler JVMs reach them
 * through {@link #handlerEnvironment()}, exactly as a deployed function reads its configuration.
 */
public final class EmulatedCluster implements AutoCloseable {

    public static final String REGION = "eu-west-1";
    public static final String STATE_MACHINE_ARN = "arn:aws:states:eu-west-1:111122223333:stateMachine:graceful-worker-terminator";
    /** The hook's heartbeat timeout in the benchmark's lifecycle actions (the settings' default). */
    private static final int HEARTBEAT_TIMEOUT_SECONDS = 300;

    private final KubeEmulator kube;
    private final AwsEmulator aws;
    private final Path kubeconfig;

    private EmulatedCluster(KubeEmulator kube, AwsEmulator aws, Path kubeconfig) {
        this.kube = kube;
        this.aws = aws;
        this.kubeconfig = kubeconfig;
    }

    /** Starts both emulators with every target's node, pods, instance and pending lifecycle action. */
    public static EmulatedCluster start(List<Target> targets, Path workDir) {
        KubeEmulator kube = KubeEmulator.start(ClusterScenario.of(targets));
        AwsEmulator aws = AwsEmulator.start();
        for (Target target : targets) {
            aws.ec2().addInstance(target.instanceId(), "running", target.nodeName(), Target.AVAILABILITY_ZONE);
            aws.autoScaling().startLifecycleAction(Target.GROUP, Target.HOOK, target.instanceId(),
                    target.lifecycleActionToken(), HEARTBEAT_TIMEOUT_SECONDS, "CONTINUE");
        }
        aws.stepFunctions().addStateMachine(STATE_MACHINE_ARN);
        return new EmulatedCluster(kube, aws, kube.writeKubeconfig(workDir.resolve("kubeconfig")));
    }

    /** The environment a handler JVM gets: the same variables the stack sets, pointed at the emulators. */
    public Map<String, String> handlerEnvironment() {
        return Map.of(
                "AWS_REGION", REGION,
                "AWS_ENDPOINT_URL", aws.endpoint().toString(),
                "AWS_ACCESS_KEY_ID", "bench",
                "AWS_SECRET_ACCESS_KEY", "bench",
                "KUBECONFIG_PATH", kubeconfig.toString(),
                "STATE_MACHINE_ARN", STATE_MACHINE_ARN,
                // EMF records go to stdout instead of probing for a CloudWatch agent
                "AWS_EMF_ENVIRONMENT", "Local",
                "POWERTOOLS_SERVICE_NAME", "graceful-worker-terminator");
    }

    /** Server-side time of every list of {@code nodeName}'s pods the Kubernetes emulator served so far. */
    public List<Long> podListServerNanos(String nodeName) {
        String selector = "spec.nodeName=" + nodeName;
        return kube.timedRequests().stream()
                .filter(t -> "GET".equals(t.request().method()) && t.request().path().endsWith("/pods")
                        && t.request().query() != null && URLDecoder.decode(t.request().query(), StandardCharsets.UTF_8).contains(selector))
                .map(TimedRequest::serverNanos)
                .toList();
    }

    public Path kubeconfig() {
        return kubeconfig;
    }

    public String awsEndpoint() {
        return aws.endpoint().toString();
    }

    @Override
    public void close() {
        kube.close();
        aws.close();
    }
}
