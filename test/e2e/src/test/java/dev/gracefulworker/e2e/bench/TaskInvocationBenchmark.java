package dev.gracefulworker.e2e.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gracefulworker.e2e.LocalEnvironment;
import dev.gracefulworker.e2e.RepoLayout;
import dev.gracefulworker.e2e.lambda.InvocationOutcome;
import dev.gracefulworker.e2e.scenario.LocalScenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The measure behind the runner's design (test/e2e/README.md): one Task invocation served by a warm handler in this JVM
 * ({@code LocalLambda}) against the same invocation in a JVM of its own (what {@code local-sfn -t State:script} would
 * cost for Java handlers), and a whole default execution. Run after {@code ./mvnw -q -pl test/e2e test-compile}:
 * <pre>
 * java -Drepo.root=. -Dlog4j2.configurationFile=local-run-log4j2.xml \
 *   -cp test/e2e/target/test-classes:test/e2e/target/classes:$(cat test/e2e/target/runtime-classpath.txt) \
 *   dev.gracefulworker.e2e.bench.TaskInvocationBenchmark
 * </pre>
 */
public final class TaskInvocationBenchmark {

    private static final int WARM_CALLS = 30;
    private static final int COLD_RUNS = 5;
    private static final int EXECUTIONS = 3;

    private TaskInvocationBenchmark() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        ObjectMapper json = new ObjectMapper();
        try (LocalEnvironment environment = LocalEnvironment.emulated(LocalScenario.builtInDefault())) {
            JsonNode event = json.readTree("{\"instanceId\":\"i-0a1b2c3d4e5f60718\"}");
            List<Long> warmMicros = new ArrayList<>();
            for (int i = 0; i < WARM_CALLS; i++) {
                long start = System.nanoTime();
                InvocationOutcome outcome = environment.lambda().invoke("gwt-check-liveness", event);
                warmMicros.add((System.nanoTime() - start) / 1_000);
                requireReturned(outcome instanceof InvocationOutcome.Returned);
            }
            Path kubeconfig = environment.kube().orElseThrow()
                    .writeKubeconfig(Files.createTempFile("benchmark-kubeconfig", ".yaml"));
            List<Long> coldMillis = new ArrayList<>();
            for (int i = 0; i < COLD_RUNS; i++) {
                long start = System.nanoTime();
                Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp", System.getProperty("java.class.path"), ColdTaskInvocation.class.getName(),
                        environment.aws().endpoint().toString(), kubeconfig.toString())
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
                requireReturned(process.waitFor() == 0);
                coldMillis.add((System.nanoTime() - start) / 1_000_000);
            }
            JsonNode message = json.readTree(RepoLayout.locate().savedEvent("lifecycle-terminating.json").toFile());
            List<Long> executionMillis = new ArrayList<>();
            for (int i = 0; i < EXECUTIONS; i++) {
                long start = System.nanoTime();
                environment.execute(message, "benchmark-" + i, executionEvent -> { });
                executionMillis.add((System.nanoTime() - start) / 1_000_000);
            }
            System.out.printf("warm handler in this JVM: median %d us, p90 %d us (%d calls)%n",
                    percentile(warmMicros, 50), percentile(warmMicros, 90), WARM_CALLS);
            System.out.printf("a JVM per invocation:     median %d ms, runs %s%n", percentile(coldMillis, 50), coldMillis);
            System.out.printf("whole default execution:  %s ms%n", executionMillis);
        }
    }

    private static long percentile(List<Long> values, int percent) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100));
    }

    private static void requireReturned(boolean returned) {
        if (!returned) {
            throw new IllegalStateException("gwt-check-liveness failed: the measure would be meaningless");
        }
    }
}
