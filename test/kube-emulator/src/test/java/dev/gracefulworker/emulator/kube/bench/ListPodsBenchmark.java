package dev.gracefulworker.emulator.kube.bench;

import dev.gracefulworker.emulator.kube.KubeEmulator;
import dev.gracefulworker.emulator.kube.Scenario;
import dev.gracefulworker.emulator.kube.Scenario.NodeSpec;
import dev.gracefulworker.emulator.kube.Scenario.PodSpec;
import dev.gracefulworker.emulator.kube.TimedRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Lists one node's pods out of 5,000 pods on 50 nodes, as the product's poll does, and prints the server-side
 * p50/p99 (from reading the request to writing the answer) and the client round trip. A benchmark, not a test:
 * {@code ./mvnw -q -pl test/kube-emulator test-compile exec:java} (arguments: nodes, pods per node, requests).
 */
public final class ListPodsBenchmark {
    private ListPodsBenchmark() {}

    public static void main(String[] args) throws Exception {
        int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int podsPerNode = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
        int warmup = requests / 2;

        List<NodeSpec> nodeSpecs = new ArrayList<>();
        List<PodSpec> podSpecs = new ArrayList<>();
        for (int n = 0; n < nodes; n++) {
            String node = "ip-10-0-%d-%d.eu-west-1.compute.internal".formatted(n / 250, n % 250);
            nodeSpecs.add(NodeSpec.named(node, "aws:///eu-west-1a/i-%017x".formatted(n)));
            for (int p = 0; p < podsPerNode; p++) {
                podSpecs.add(PodSpec.running("ns-" + (p % 10), "pod-" + n + "-" + p, node));
            }
        }
        try (KubeEmulator emulator = KubeEmulator.start(new Scenario(nodeSpecs, podSpecs));
             HttpClient client = HttpClient.newHttpClient()) {
            long[] roundTrips = new long[requests];
            for (int i = 0; i < warmup + requests; i++) {
                String node = nodeSpecs.get(i % nodes).name();
                HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.httpUrl()
                                + "/api/v1/pods?fieldSelector=spec.nodeName%3D" + node))
                        .header("Authorization", "Bearer " + emulator.token()).build();
                long started = System.nanoTime();
                HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("list failed: " + response.statusCode());
                }
                if (i >= warmup) {
                    roundTrips[i - warmup] = System.nanoTime() - started;
                }
            }
            List<TimedRequest> timed = emulator.timedRequests();
            long[] server = timed.subList(warmup, timed.size()).stream().mapToLong(TimedRequest::serverNanos).toArray();
            System.out.printf("list one node's pods (%d pods on %d nodes, %d per node), %d requests after %d warm-up%n",
                    nodes * podsPerNode, nodes, podsPerNode, requests, warmup);
            System.out.printf("server-side  p50 %.3f ms  p99 %.3f ms  max %.3f ms%n",
                    percentile(server, 50), percentile(server, 99), percentile(server, 100));
            System.out.printf("round trip   p50 %.3f ms  p99 %.3f ms  max %.3f ms%n",
                    percentile(roundTrips, 50), percentile(roundTrips, 99), percentile(roundTrips, 100));
        }
    }

    private static double percentile(long[] nanos, int percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1_000_000.0;
    }
}
