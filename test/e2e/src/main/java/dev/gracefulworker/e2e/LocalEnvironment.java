package dev.gracefulworker.e2e;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gracefulworker.e2e.interpreter.ExecutionEvent;
import dev.gracefulworker.e2e.interpreter.ExecutionRequest;
import dev.gracefulworker.e2e.interpreter.ExecutionResult;
import dev.gracefulworker.e2e.interpreter.ServiceIntegrations;
import dev.gracefulworker.e2e.interpreter.StepFunctionsInterpreter;
import dev.gracefulworker.e2e.interpreter.WorkflowDefinition;
import dev.gracefulworker.e2e.lambda.Invocation;
import dev.gracefulworker.e2e.lambda.InvocationOutcome;
import dev.gracefulworker.e2e.lambda.LambdaFaults;
import dev.gracefulworker.e2e.lambda.LocalLambda;
import dev.gracefulworker.e2e.scenario.AwsFault;
import dev.gracefulworker.e2e.scenario.InstanceSpec;
import dev.gracefulworker.e2e.scenario.KubernetesAccess;
import dev.gracefulworker.e2e.scenario.LambdaFault;
import dev.gracefulworker.e2e.scenario.LocalScenario;
import dev.gracefulworker.e2e.scenario.TargetGroupSpec;
import dev.gracefulworker.emulator.aws.AwsEmulator;
import dev.gracefulworker.emulator.aws.Execution;
import dev.gracefulworker.emulator.kube.KubeEmulator;
import dev.gracefulworker.contract.WorkflowFunction;
import dev.gracefulworker.functions.Wiring;
import dev.gracefulworker.functions.cordon.NodeCordoner;
import dev.gracefulworker.functions.start.ExecutionName;
import dev.gracefulworker.statemachine.WorkflowStates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Everything one local run needs, wired together: the scenario clock; the Kubernetes API (the emulator seeded with the
 * scenario, or a real cluster); the AWS endpoint (EC2, Auto Scaling, Step Functions) recording every call; the real
 * handlers built once through {@code Wiring.of(env, clock)} and served as the Lambda Invoke API; and the interpreter
 * that runs the exported definition against them.
 */
public final class LocalEnvironment implements AutoCloseable {

    public static final String REGION = "eu-west-1";
    public static final String STATE_MACHINE_ARN =
            "arn:aws:states:" + REGION + ":111122223333:stateMachine:graceful-worker-terminator";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KUBECONFIG_SECRET_ID = "graceful-worker-terminator/kubeconfig";
    private static final String EKS_CLUSTER_NAME = "workers";
    private static final String EKS_TOKEN_PREFIX = "k8s-aws-v1.";
    private static final String EXCLUDE_LABEL_POINTER =
            "/metadata/labels/" + NodeCordoner.EXCLUDE_FROM_LOAD_BALANCERS_LABEL.replace("/", "~1");

    private final RepoLayout repo;
    private final WorkflowDefinition definition;
    private final LocalScenario scenario;
    private final Pacing pacing;
    private final ScenarioTime time;
    private final Clock clock;
    private final Path workDirectory;
    private final Optional<KubeEmulator> kube;
    private final AwsEmulator aws;
    private final CountingMetrics metrics = new CountingMetrics();
    private final LocalLambda lambda;
    private final ServiceIntegrations serviceIntegrations;
    private final StepFunctionsInterpreter interpreter;
    private final ScenarioSettings settings;
    private final AutoScalingHook hook;
    private final Queue<Execution> startedByStarter = new ConcurrentLinkedQueue<>();
    private final AtomicInteger unnamedExecutions = new AtomicInteger();
    private final Map<String, Instant> excludedFromLoadBalancersAt = new ConcurrentHashMap<>();

    private LocalEnvironment(RepoLayout repo, LocalScenario scenario, Pacing pacing, Optional<Path> realCluster,
                             ScenarioTime time) {
        this.repo = repo;
        this.definition = WorkflowDefinition.read(repo.exportedDefinition());
        this.scenario = scenario;
        this.settings = new ScenarioSettings(scenario.settings());
        this.pacing = pacing;
        this.time = time;
        this.clock = time.clock();
        this.workDirectory = temporaryDirectory();
        this.kube = realCluster.isPresent() ? Optional.empty() : Optional.of(KubeEmulator.start(scenario.cluster(), clock));
        this.aws = AwsEmulator.start(clock);
        LocalLambda started = null;
        ServiceIntegrations integrations = null;
        try {
            Path kubeconfig = realCluster.orElseGet(() -> kube.orElseThrow().writeKubeconfig(workDirectory.resolve("kubeconfig")));
            List<String> attached = seedAws(
                    realCluster.map(ClusterInstances::readFrom).orElseGet(this::instancesOfScenarioNodes));
            this.hook = new AutoScalingHook(aws.autoScaling(), aws.loadBalancing(), scenario.lifecycleAction(),
                    definition.passResult(WorkflowStates.LOAD_DEPLOYED_SETTINGS), attached);
            Map.Entry<String, String> access = kubernetesAccess(scenario.kubernetesAccess(), kubeconfig);
            Wiring wiring = Wiring.of(Map.of(
                    "AWS_REGION", REGION,
                    "AWS_ENDPOINT_URL", aws.endpoint().toString(),
                    "AWS_ACCESS_KEY_ID", "local",
                    "AWS_SECRET_ACCESS_KEY", "local",
                    access.getKey(), access.getValue(),
                    "STATE_MACHINE_ARN", STATE_MACHINE_ARN), clock, metrics);
            started = LocalLambda.start(TaskFunctions.wiredWith(wiring), new LambdaFaults(scenario.lambdaFaults(), clock));
            integrations = new ServiceIntegrations(wiring.autoScaling(),
                    seconds -> time.elapse(Duration.ofSeconds(seconds)));
            this.interpreter = new StepFunctionsInterpreter(repo.node(), repo.interpreterScript(), started.endpoint(),
                    integrations.endpoint());
        } catch (RuntimeException e) {
            // nothing else holds the servers yet: a failed start must not leave them running
            if (started != null) {
                started.close();
            }
            if (integrations != null) {
                integrations.close();
            }
            aws.close();
            kube.ifPresent(KubeEmulator::close);
            deleteRecursively(workDirectory);
            throw e;
        }
        this.lambda = started;
        this.serviceIntegrations = integrations;
        this.lambda.onInvocation(this::advanceClockByTheComingWait);
        this.lambda.onInvocation(this::advanceClockByATimedOutFunction);
        this.lambda.onInvocation(_ -> deregisterExcludedNodes());
    }

    /** The scenario's cluster served by the Kubernetes emulator; waits and retries take no real time. */
    public static LocalEnvironment emulated(LocalScenario scenario) {
        return new LocalEnvironment(RepoLayout.locate(), scenario, Pacing.SHORTENED, Optional.empty(), ScenarioTime.stepped());
    }

    /**
     * The scenario's cluster served by the Kubernetes emulator, for many executions at once on one shared clock: each
     * execution's Waits sleep on it (see {@link dev.gracefulworker.e2e.fleet.SharedClock}).
     */
    public static LocalEnvironment emulatedOnSharedClock(LocalScenario scenario, ScenarioTime.Shared time) {
        return new LocalEnvironment(RepoLayout.locate(), scenario, Pacing.SHORTENED, Optional.empty(), time);
    }

    /**
     * A real cluster (e.g. kind) through {@code kubeconfig}; AWS stays local: EC2 answers from the nodes' providerIDs
     * and Auto Scaling calls are recorded, not sent. The scenario's cluster part is not used.
     */
    public static LocalEnvironment againstCluster(Path kubeconfig, LocalScenario scenario, Pacing pacing) {
        return new LocalEnvironment(RepoLayout.locate(), scenario, pacing, Optional.of(kubeconfig), ScenarioTime.stepped());
    }

    /**
     * Runs one execution of the exported definition with this message as input, named as the starter would name it
     * ({@code <instance id>-<token>}). The scenario's settings become the message's NotificationMetadata, and Auto
     * Scaling holds the message's lifecycle action unless the scenario says it already ended.
     */
    public ExecutionResult execute(JsonNode message, Consumer<ExecutionEvent> onEvent) {
        ExecutionInput fields = new ExecutionInput(message);
        String name = fields.instanceId().flatMap(id -> fields.token().map(token -> ExecutionName.of(id, token)))
                .orElseGet(() -> "local-" + unnamedExecutions.incrementAndGet());
        return execute(message, name, onEvent);
    }

    /** As {@link #execute(JsonNode, Consumer)} under another name, e.g. a replay's {@code <original>-replay-1}. */
    public ExecutionResult execute(JsonNode message, String executionName, Consumer<ExecutionEvent> onEvent) {
        return run(settings.applyTo(message), executionName, onEvent);
    }

    private ExecutionResult run(JsonNode input, String executionName, Consumer<ExecutionEvent> onEvent) {
        hook.holdActionFor(new ExecutionInput(input));
        ExecutionRequest request = new ExecutionRequest(repo.exportedDefinition(), input, STATE_MACHINE_ARN,
                executionName, clock.instant(), pacing.waitPause(), pacing.retryPause(),
                time.sharedClockWaits().orElse(null), time.taskTimeoutStretch());
        return interpreter.run(request, onEvent);
    }

    /**
     * Delivers an SNS event to the starter as the SNS subscription does: an asynchronous invocation (retried, then
     * dead-lettered). Executions it starts are queued for {@link #runStartedExecutions}. The scenario's settings go
     * into each record's message, as the hook's NotificationMetadata would.
     */
    public LocalLambda.AsyncDelivery publish(JsonNode snsEvent) {
        return lambda.invokeAsync(TaskFunctions.START_WORKFLOW, settings.applyToSnsEvent(snsEvent));
    }

    /** Runs every execution the starter started since the last call, and ends each in the AWS endpoint's records. */
    public List<ExecutionResult> runStartedExecutions(Consumer<ExecutionEvent> onEvent) {
        List<ExecutionResult> results = new ArrayList<>();
        for (Execution started = startedByStarter.poll(); started != null; started = startedByStarter.poll()) {
            ExecutionResult result = run(parse(started.input()), started.name(), onEvent);
            aws.stepFunctions().finish(started.arn(), result.status().name(),
                    result.output() == null ? null : result.output().toString());
            results.add(result);
        }
        return results;
    }

    /** The Kubernetes emulator; empty when running against a real cluster. */
    public Optional<KubeEmulator> kube() {
        return kube;
    }

    /** The local AWS endpoint and its records. */
    public AwsEmulator aws() {
        return aws;
    }

    /**
     * When the load balancer controllers saw each instance's node labelled exclude-from-external-load-balancers and
     * started deregistering it (scenario time), by instance id.
     */
    public Map<String, Instant> excludedFromLoadBalancersAt() {
        return Map.copyOf(excludedFromLoadBalancersAt);
    }

    /** The local Lambda endpoint: invocations and dead letters. */
    public LocalLambda lambda() {
        return lambda;
    }

    /** The AWS SDK integration calls the state machine made itself (heartbeats and completions without Lambda). */
    public ServiceIntegrations serviceIntegrations() {
        return serviceIntegrations;
    }

    /** The metrics the handlers counted. */
    public CountingMetrics metrics() {
        return metrics;
    }

    /** The definition being executed. */
    public WorkflowDefinition definition() {
        return definition;
    }

    @Override
    public void close() {
        lambda.close();
        serviceIntegrations.close();
        aws.close();
        kube.ifPresent(KubeEmulator::close);
        deleteRecursively(workDirectory);
    }

    /**
     * The one environment variable that tells the handlers how to reach Kubernetes, with what it points at made to
     * exist: the kubeconfig file itself, that file's text as a Secrets Manager secret, or an EKS cluster whose
     * endpoint and CA are the emulator's (which then accepts EKS tokens).
     */
    private Map.Entry<String, String> kubernetesAccess(KubernetesAccess access, Path kubeconfig) {
        return switch (access) {
            case KUBECONFIG -> Map.entry("KUBECONFIG_PATH", kubeconfig.toString());
            case SECRET -> {
                aws.secrets().put(KUBECONFIG_SECRET_ID, readString(kubeconfig));
                yield Map.entry("KUBECONFIG_SECRET_ID", KUBECONFIG_SECRET_ID);
            }
            case EKS -> {
                KubeEmulator emulator = kube.orElseThrow(() -> new IllegalArgumentException(
                        "kubernetesAccess: eks needs the emulated cluster (it plays the EKS endpoint); use kubeconfig"));
                aws.eks().addCluster(EKS_CLUSTER_NAME, emulator.httpsUrl(), emulator.caCertificatePem());
                emulator.acceptTokens(token -> token.startsWith(EKS_TOKEN_PREFIX));
                yield Map.entry("CLUSTER_NAME", EKS_CLUSTER_NAME);
            }
        };
    }

    /** Seeds EC2, Step Functions, ELBv2 and the faults; returns the target groups to attach to the message's group. */
    private List<String> seedAws(List<InstanceSpec> derivedInstances) {
        aws.stepFunctions().addStateMachine(STATE_MACHINE_ARN);
        aws.stepFunctions().onStart(startedByStarter::add);
        List<InstanceSpec> instances = scenario.instances().isEmpty() ? derivedInstances : scenario.instances();
        instances.forEach(instance -> aws.ec2().addInstance(
                instance.id(), instance.state(), instance.privateDnsName(), instance.availabilityZone()));
        for (AwsFault fault : scenario.awsFaults()) {
            if (fault.throttling()) {
                aws.throttle(fault.action(), fault.times());
            } else {
                aws.fail(fault.action(), fault.status(), fault.times());
            }
        }
        List<String> instanceIds = instances.stream().map(InstanceSpec::id).toList();
        List<String> attached = new ArrayList<>();
        for (TargetGroupSpec spec : scenario.targetGroups()) {
            var group = aws.loadBalancing().addTargetGroup(spec.name(), spec.deregistrationDelaySeconds(), spec.tags());
            spec.targetsOr(instanceIds).forEach(instanceId -> aws.loadBalancing().register(group.arn(), instanceId));
            if (spec.attachedToGroup()) {
                attached.add(group.arn());
            }
        }
        return attached;
    }

    /** One running instance per scenario node that has an AWS providerID; its private DNS name is the node name. */
    private List<InstanceSpec> instancesOfScenarioNodes() {
        return scenario.cluster().nodes().stream()
                .flatMap(node -> ProviderId.parse(node.providerID()).stream()
                        .map(id -> new InstanceSpec(id.instanceId(), "running", node.name(), id.availabilityZone())))
                .toList();
    }

    /**
     * The Wait after a "Check pods" that reports WAITING lasts its nextWaitSeconds: the scenario clock moves by that much
     * before the next check, while the interpreter's real pause is shortened.
     */
    private void advanceClockByTheComingWait(Invocation invocation) {
        if (invocation.functionName().equals(TaskFunctions.CHECK_PODS)
                && invocation.outcome() instanceof InvocationOutcome.Returned(JsonNode progress)
                && progress.path("status").asText().equals("WAITING")) {
            time.elapse(Duration.ofSeconds(progress.path("nextWaitSeconds").asLong()));
        }
    }

    /**
     * The load balancer controllers, as far as a drain sees them (the Service controller and the AWS Load Balancer
     * Controller both act alike here): a node labelled {@code node.kubernetes.io/exclude-from-external-load-balancers}
     * has its instance deregistered from every target group, where it drains for the group's deregistration delay on
     * the scenario clock, then is gone. Looked at after every invocation, so from the moment "Cordon node" labels it.
     */
    private void deregisterExcludedNodes() {
        kube.ifPresent(emulator -> scenario.cluster().nodes().forEach(node -> emulator.node(node.name())
                .filter(json -> json.at(EXCLUDE_LABEL_POINTER).asText().equals("true"))
                .flatMap(_ -> ProviderId.parse(node.providerID()))
                .ifPresent(id -> excludedFromLoadBalancersAt.computeIfAbsent(id.instanceId(), instanceId -> {
                    aws.loadBalancing().deregister(instanceId);
                    return clock.instant();
                }))));
    }

    /** A function that ran into its timeout took all of it: the scenario clock moves by the function's timeout. */
    private void advanceClockByATimedOutFunction(Invocation invocation) {
        if (invocation.outcome() instanceof InvocationOutcome.Raised raised
                && raised.errorType().equals(LambdaFault.Kind.TIMEOUT.errorType())) {
            Arrays.stream(WorkflowFunction.values())
                    .filter(function -> function.placeholderName().equals(invocation.functionName()))
                    .findFirst()
                    .ifPresent(function -> time.elapse(Duration.ofSeconds(function.functionTimeoutSeconds())));
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an execution input is not JSON: " + json, e);
        }
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("gwt-local-run-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary directory is harmless
        }
    }
}
