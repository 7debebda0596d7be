package dev.gracefulworker.functions.start;

import dev.gracefulworker.functions.Json;
import dev.gracefulworker.functions.support.Emulated;
import dev.gracefulworker.functions.support.EmulatedWorlds;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The starter for one test, wired to the AWS emulator with the state machine in place, and driven as Lambda drives
 * it: an SNS event's bytes into the stream entry point, the result read back.
 */
final class EmulatedStarter implements BeforeEachCallback, AfterEachCallback {

    private final EmulatedWorlds worlds = new EmulatedWorlds();
    private Emulated world;
    private StartWorkflowHandler handler;

    @Override
    public void beforeEach(ExtensionContext context) {
        world = worlds.start("nodes: []");
        world.aws.stepFunctions().addStateMachine(Emulated.STATE_MACHINE_ARN);
        handler = new StartWorkflowHandler(world.wiring());
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        worlds.afterEach(context);
    }

    Emulated world() {
        return world;
    }

    /** One invocation through the stream entry point, the only one Lambda has. */
    StartResult deliver(String event) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), output, null);
            return Json.mapper().readValue(output.toString(StandardCharsets.UTF_8), StartResult.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
