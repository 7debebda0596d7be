package dev.gracefulworker.functions.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gracefulworker.functions.Json;
import dev.gracefulworker.functions.lifecycle.LifecycleCompletion;
import dev.gracefulworker.functions.liveness.Liveness;
import dev.gracefulworker.functions.pods.DrainProgress;
import dev.gracefulworker.functions.support.SavedEvents;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every path the exported definition reads from a task's result ({@code $.poll.…}, {@code $.target.…},
 * {@code $.completion.…}: in a Choice, a Wait, a Pass, a task's payload, an intrinsic function) is a key the handler
 * always writes, even in its sparsest result (every field null or zero). A path that is missing at run time is a
 * States.Runtime error no Catch can handle; this keeps the definition and the records in step.
 */
class TaskOutputPathsTest {

    private static final Pattern RESULT_PATH = Pattern.compile("\\$\\.(poll|target|completion)((?:\\.\\w+)+)");

    /** The sparsest result each handler can write, by the execution-state key its task writes. */
    private static final Map<String, Object> SPARSEST = Map.of(
            "poll", new DrainProgress(null, 0, 0, 0, 0, 0, 0, null, 0, 0, null, 0, 0, null, null, null, 0, 0, 0, null, null, null, null),
            "target", new Liveness(null, null, null, null, null, false, null, null, null),
            "completion", new LifecycleCompletion(null, null, null, null, null, false, 0));

    @Test
    void everyResultPathTheDefinitionReads_isWrittenByTheHandlerEvenInItsSparsestResult() throws IOException {
        Set<String> paths = pathsReadBy(definition());

        assertThat(paths).as("the definition reads task results").isNotEmpty()
                .contains("$.poll.status", "$.poll.nextWaitSeconds", "$.target.verdict", "$.completion.outcome");
        for (String path : paths) {
            Matcher matcher = RESULT_PATH.matcher(path);
            assertThat(matcher.matches()).isTrue();
            JsonNode node = Json.mapper().valueToTree(SPARSEST.get(matcher.group(1)));
            for (String key : matcher.group(2).substring(1).split("\\.")) {
                assertThat(node.has(key)).as("%s: the handler's result has no key %s", path, key).isTrue();
                node = node.get(key);
            }
        }
    }

    private static Set<String> pathsReadBy(JsonNode definition) {
        Set<String> paths = new TreeSet<>();
        collect(definition.path("States"), paths);
        return paths;
    }

    private static void collect(JsonNode node, Set<String> paths) {
        if (node.isTextual()) {
            Matcher matcher = RESULT_PATH.matcher(node.asText());
            while (matcher.find()) {
                paths.add(matcher.group());
            }
        }
        node.forEach(child -> collect(child, paths));
    }

    private static JsonNode definition() throws IOException {
        return Json.mapper().readTree(SavedEvents.dir().resolve("../graceful-worker-terminator.asl.json").toFile());
    }
}
