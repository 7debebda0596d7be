package dev.gracefulworker.functions.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gracefulworker.contract.DefinitionLimits;
import dev.gracefulworker.functions.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The limits the exported definition renders into "Apply per-group overrides": what the handler really receives. */
public final class ExportedLimits {

    private ExportedLimits() {}

    public static DefinitionLimits read() {
        try {
            return Json.mapper().treeToValue(node(), DefinitionLimits.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rendered {@code limits} object as JSON text. */
    public static String json() {
        return node().toString();
    }

    private static JsonNode node() {
        Path definition = SavedEvents.dir().resolve("../graceful-worker-terminator.asl.json");
        try {
            return Json.mapper().readTree(definition.toFile())
                    .path("States").path("Apply per-group overrides").path("Parameters").path("limits");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the exported definition " + definition, e);
        }
    }
}
