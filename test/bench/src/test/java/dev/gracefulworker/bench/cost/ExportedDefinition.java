package dev.gracefulworker.bench.cost;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The exported definition the cost model reads (path set by the build), and broken variants of it. */
final class ExportedDefinition {

    private static final Path PATH = Path.of(System.getProperty("asl.path", "../../statemachine/graceful-worker-terminator.asl.json"));

    private ExportedDefinition() {}

    static WorkflowDefinition load() {
        return WorkflowDefinition.load(PATH);
    }

    /** The definition with "Wait before next check" leading to {@code next} instead of back to "Check pods". */
    static WorkflowDefinition withWaitGoingTo(String next) {
        try {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode root = (ObjectNode) mapper.readTree(Files.readString(PATH));
            ((ObjectNode) root.path("States").path("Wait before next check")).put("Next", next);
            return WorkflowDefinition.parse(mapper.writeValueAsString(root));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
