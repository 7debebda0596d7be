package dev.gracefulworker.bench.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs in a handler JVM: calls "Check pods" warm-up + measured times with the same input (bytes in, bytes out, as
 * Lambda calls the stream handler), timing each call and
 * counting what the calling thread allocates (client-java and the SDK's URL-connection client run synchronous calls
 * on it). Arguments: handler class, input JSON file, heartbeat mode (due | not-due), warm-up calls, measured calls,
 * output JSON file.
 */
public final class WarmPollProbe {

    private WarmPollProbe() {}

    public static void main(String[] args) throws Exception {
        HandlerUnderTest handler = HandlerUnderTest.construct(args[0]);
        ObjectMapper files = new ObjectMapper();
        ObjectNode input = (ObjectNode) files.readTree(Path.of(args[1]).toFile());
        boolean heartbeatDue = switch (args[2]) {
            case "due" -> true;
            case "not-due" -> false;
            default -> throw new IllegalArgumentException("heartbeat mode must be due or not-due, was " + args[2]);
        };
        int warmUp = Integer.parseInt(args[3]);
        int measured = Integer.parseInt(args[4]);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

        List<Long> latencies = new ArrayList<>(measured);
        List<Long> allocations = new ArrayList<>(measured);
        Map<String, Integer> statuses = new TreeMap<>();
        for (int i = 0; i < warmUp + measured; i++) {
            // a heartbeat is due once half the hook's timeout has passed since the last one
            Instant lastHeartbeat = heartbeatDue ? Instant.now().minusSeconds(3600) : Instant.now();
            ((ObjectNode) input.path("previous")).put("lastHeartbeatAt", lastHeartbeat.toString());
            byte[] event = files.writeValueAsBytes(input);

            long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
            long start = System.nanoTime();
            byte[] output = handler.invoke(event);
            long end = System.nanoTime();
            long allocatedAfter = threads.getCurrentThreadAllocatedBytes();

            JsonNode progress = files.readTree(output);
            statuses.merge(progress.path("status").asText() + "/" + progress.path("heartbeat").asText(), 1, Integer::sum);
            if (i >= warmUp) {
                latencies.add(end - start);
                allocations.add(allocatedAfter - allocatedBefore);
            }
        }
        files.writeValue(Path.of(args[5]).toFile(), new WarmPollSample(latencies, allocations, statuses, ProcessFigures.peakRssKb()));
    }
}
