package dev.gracefulworker.emulator.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * An in-process Kubernetes API server emulation on loopback (HTTP and HTTPS), serving the API the product uses with
 * the real server's semantics and response bodies, driven by a {@link Scenario} and a clock.
 */
public final class KubeEmulator implements AutoCloseable {
    /** The bearer token the emulator accepts unless {@link #acceptTokens} widens it. */
    public static final String DEFAULT_TOKEN = "emulator-token";

    static {
        // The JDK server writes headers and body separately: without TCP_NODELAY, Nagle plus delayed ACKs add ~40 ms.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final Cluster cluster;
    private final Faults faults = new Faults();
    private final RequestLog log = new RequestLog();
    private final ConcurrencyLimit concurrency = new ConcurrencyLimit();
    private final Rbac rbac = new Rbac();
    private final TlsMaterial tls;
    private final HttpServer http;
    private final HttpsServer https;
    private final ExecutorService executor;
    private volatile Predicate<String> acceptedTokens = DEFAULT_TOKEN::equals;

    private KubeEmulator(Scenario scenario, Clock clock) throws IOException {
        this.cluster = new Cluster(scenario, clock);
        scenario.faults().forEach(faults::add);
        Scenario.ApiServerSpec apiServer = scenario.apiServer();
        if (apiServer != null && apiServer.maxRequestsInFlight() != null) {
            concurrency.limit(apiServer.maxRequestsInFlight(), apiServer.queueLength(), apiServer.queueWait());
        }
        this.tls = TlsMaterial.shared();
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        ApiHandler handler = new ApiHandler(cluster, faults, () -> acceptedTokens, log, clock, rbac,
                scenario.latencyMillis() == null ? 0 : scenario.latencyMillis(), concurrency);
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        this.http = HttpServer.create(loopback, 0);
        this.https = HttpsServer.create(loopback, 0);
        https.setHttpsConfigurator(new HttpsConfigurator(tls.sslContext()));
        for (HttpServer server : List.of(http, https)) {
            server.createContext("/", handler);
            server.setExecutor(executor);
            server.start();
        }
    }

    /** Starts on the real clock, accepting the token {@value #DEFAULT_TOKEN}. */
    public static KubeEmulator start(Scenario scenario) {
        return start(scenario, Clock.systemUTC());
    }

    /** Starts with scenario time read from {@code clock} (tests pass a {@link ScenarioClock}). */
    public static KubeEmulator start(Scenario scenario, Clock clock) {
        try {
            return new KubeEmulator(scenario, clock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Kubernetes emulator on loopback", e);
        }
    }

    public URI httpsUrl() {
        return URI.create("https://127.0.0.1:" + https.getAddress().getPort());
    }

    public URI httpUrl() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
    }

    /** The PEM of the CA that signed the HTTPS server's certificate (one CA per JVM, shared by every emulator). */
    public String caCertificatePem() {
        return tls.caCertificatePem();
    }

    public String token() {
        return DEFAULT_TOKEN;
    }

    /** Also accepts bearer tokens that {@code accepted} approves (e.g. EKS tokens); {@link #token()} stays valid. */
    public void acceptTokens(Predicate<String> accepted) {
        Predicate<String> own = DEFAULT_TOKEN::equals;
        this.acceptedTokens = own.or(accepted);
    }

    /**
     * Applies an RBAC manifest (ClusterRole, ClusterRoleBinding, Role, RoleBinding; multi-document YAML), as
     * {@code kubectl apply -f} would. SelfSubjectAccessReviews are answered from what was applied; every accepted
     * token is an administrator ({@code system:masters}) and may impersonate any user and groups.
     */
    public void applyRbac(String manifest) {
        rbac.apply(manifest);
    }

    /** Writes a kubeconfig for the HTTPS endpoint (CA embedded, bearer token) and returns {@code file}. */
    public Path writeKubeconfig(Path file) {
        String ca = Base64.getEncoder().encodeToString(caCertificatePem().getBytes(StandardCharsets.US_ASCII));
        String kubeconfig = """
                apiVersion: v1
                kind: Config
                clusters:
                - name: emulator
                  cluster:
                    server: %s
                    certificate-authority-data: %s
                users:
                - name: emulator
                  user:
                    token: %s
                contexts:
                - name: emulator
                  context:
                    cluster: emulator
                    user: emulator
                current-context: emulator
                """.formatted(httpsUrl(), ca, token());
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            return Files.writeString(file, kubeconfig);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write kubeconfig " + file, e);
        }
    }

    /** The node as {@code GET /api/v1/nodes/{name}} returns it now. */
    public Optional<JsonNode> node(String name) {
        return cluster.node(name).map(JsonNode.class::cast);
    }

    /** The pod as {@code GET} returns it now; empty once it is gone. */
    public Optional<JsonNode> pod(String namespace, String name) {
        return cluster.pod(namespace, name).map(JsonNode.class::cast);
    }

    /** Every pod that still exists, ordered by namespace and name. */
    public List<JsonNode> pods() {
        return List.copyOf(cluster.pods());
    }

    /** Every eviction attempted, in order: {@code "ns/name 201"}, {@code "ns/name 429"}, {@code "ns/name 404"}. */
    public List<String> evictions() {
        return cluster.evictions();
    }

    /** Successful evictions per owner, keyed {@code Kind/namespace/name} (e.g. {@code ReplicaSet/web/web}). */
    public Map<String, Integer> evictionsPerWorkload() {
        return cluster.evictionsPerWorkload();
    }

    /**
     * How many successful evictions took a healthy pod when its PodDisruptionBudget then had fewer healthy pods than it
     * desires; checked at every eviction, and a correct emulation keeps it 0.
     */
    public int budgetViolations() {
        return cluster.budgetViolations();
    }

    /** A ReplicaSet, StatefulSet or DaemonSet exactly as a {@code GET} returns it (status computed from its pods). */
    public Optional<JsonNode> controller(Scenario.OwnerKind kind, String namespace, String name) {
        return cluster.controller(kind, namespace, name).map(JsonNode.class::cast);
    }

    /** Every request served, in order (faulted and unauthorized ones included). */
    public List<RecordedRequest> requests() {
        return log.requests();
    }

    /**
     * Serves at most {@code maxInFlight} requests at once (real time, injected latency and delays included), as API
     * Priority and Fairness does with one priority level: a request beyond it is answered at once with 429
     * {@code TooManyRequests} and {@code Retry-After: 1}, and recorded like any other. Same as the scenario's
     * {@code apiServer: {maxRequestsInFlight: N}}.
     */
    public void limitConcurrency(int maxInFlight) {
        concurrency.limit(maxInFlight);
    }

    /** How long a queued request waits at most when no wait is given: kube-apiserver's {@code --request-timeout} / 4. */
    public static final Duration DEFAULT_QUEUE_WAIT = ConcurrencyLimit.DEFAULT_QUEUE_WAIT;

    /**
     * Serves at most {@code maxInFlight} requests at once, and lets up to {@code queueLengthLimit} more wait for a
     * slot, in arrival order, each for at most {@code queueWait} before its 429, as an API Priority and Fairness level
     * with one queue does. Same as the scenario's {@code apiServer: {maxRequestsInFlight, queueLengthLimit,
     * queueWaitSeconds}}.
     */
    public void limitConcurrency(int maxInFlight, int queueLengthLimit, Duration queueWait) {
        concurrency.limit(maxInFlight, queueLengthLimit, queueWait);
    }

    /** How many requests waited in the concurrency limit's queue (then served or turned away). */
    public int queuedForConcurrency() {
        return concurrency.queued();
    }

    /** The most requests served at the same moment so far (rejected ones not counted). */
    public int peakInFlight() {
        return concurrency.peak();
    }

    /** How many requests the concurrency limit has rejected with 429. */
    public int rejectedForConcurrency() {
        return concurrency.rejected();
    }

    /** Every request served with the server-side time it took and the clock's instant it started (for benchmarks). */
    public List<TimedRequest> timedRequests() {
        return log.timed();
    }

    /** How many times the pods of {@code nodeName} were listed with a {@code spec.nodeName} field selector. */
    public int polls(String nodeName) {
        return cluster.polls(nodeName);
    }

    /** The VolumeAttachments as {@code GET /apis/storage.k8s.io/v1/volumeattachments} lists them now. */
    public List<JsonNode> volumeAttachments() {
        List<JsonNode> items = new java.util.ArrayList<>();
        cluster.listVolumeAttachments(FieldSelector.parse(null, FieldSelector.GENERIC_FIELDS), LabelSelector.parse(null))
                .path("items").forEach(items::add);
        return items;
    }

    /**
     * The node's kubelet starts (true) or stops (false) posting status: the Ready condition turns True, or Unknown
     * as the node lifecycle controller sets it. While a node is not Ready, nobody confirms its pods' deletion.
     */
    public void setNodeReady(String name, boolean ready) {
        cluster.setNodeReady(name, ready);
    }

    /** Adds a fault at runtime, after those already active. */
    public void inject(Fault fault) {
        faults.add(fault);
    }

    @Override
    public void close() {
        http.stop(0);
        https.stop(0);
        executor.shutdownNow();
    }
}
