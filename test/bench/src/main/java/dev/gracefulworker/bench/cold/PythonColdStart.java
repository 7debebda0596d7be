package dev.gracefulworker.bench.cold;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gracefulworker.bench.Processes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Python equivalent of a cold "Check pods": import the official Kubernetes client and boto3 (Debian's
 * python3-kubernetes and python3-boto3), build a client from the same kubeconfig and an Auto Scaling client,
 * then list the node's pods once.
 */
final class PythonColdStart {

    static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final String SCRIPT = """
            import json, sys, time
            import kubernetes, boto3
            kubeconfig, endpoint, region, node = sys.argv[1:5]
            kubernetes.config.load_kube_config(config_file=kubeconfig)
            core = kubernetes.client.CoreV1Api()
            autoscaling = boto3.client("autoscaling", endpoint_url=endpoint, region_name=region)
            constructed = time.time_ns() // 1000
            pods = core.list_pod_for_all_namespaces(field_selector="spec.nodeName=" + node)
            first = time.time_ns() // 1000
            print(json.dumps({"constructedAt": constructed, "firstEventAt": first, "pods": len(pods.items)}))
            """;

    /** One run, times in microseconds since the epoch. */
    record Sample(long launchedAt, long constructedAt, long firstEventAt, int pods) {}

    private PythonColdStart() {}

    /** Fails with the install command when the Debian packages are missing. */
    static void requireInstalled() {
        Process check = start(List.of(PYTHON.toString(), "-c", "import kubernetes, boto3"), Map.of());
        if (waitFor(check) != 0) {
            throw new IllegalStateException("the Python comparison needs Debian's clients for /usr/bin/python3: "
                    + "sudo apt-get install -y python3-kubernetes python3-boto3");
        }
    }

    static Sample run(Path kubeconfig, String awsEndpoint, String region, String node) {
        Instant launched = Instant.now();
        Process process = start(List.of(PYTHON.toString(), "-c", SCRIPT, kubeconfig.toString(), awsEndpoint, region, node),
                Map.of("AWS_ACCESS_KEY_ID", "bench", "AWS_SECRET_ACCESS_KEY", "bench"));
        try {
            String out = new String(process.getInputStream().readAllBytes());
            if (waitFor(process) != 0) {
                throw new IllegalStateException("the Python cold start failed:\n" + out);
            }
            JsonNode result = new ObjectMapper().readTree(out.lines().reduce((a, b) -> b).orElseThrow());
            return new Sample(launched.getEpochSecond() * 1_000_000 + launched.getNano() / 1_000,
                    result.path("constructedAt").asLong(), result.path("firstEventAt").asLong(), result.path("pods").asInt());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Python cold start's output", e);
        }
    }

    private static Process start(List<String> command, Map<String, String> environment) {
        try {
            return Processes.isolated(new ProcessBuilder(command).redirectErrorStream(true), environment).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + PYTHON, e);
        }
    }

    private static int waitFor(Process process) {
        try {
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("python3 did not finish within 5 min");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for python3", e);
        }
    }
}
