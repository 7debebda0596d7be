package dev.gracefulworker.functions.start;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.gracefulworker.functions.Json;
import dev.gracefulworker.functions.Priming;
import dev.gracefulworker.functions.Wiring;
import dev.gracefulworker.functions.observability.Invocation;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * SNS → Step Functions: starts one execution per termination lifecycle message. Only the stream entry point: the
 * runtime's typed {@code SNSEvent} deserializer throws on a broken event before our code runs, and its nulls fail
 * later as NullPointerExceptions. Read here ({@link SnsEventReader}), every broken event is a
 * {@link MalformedMessageException} naming its place, which Lambda retries and then dead-letters.
 */
public final class StartWorkflowHandler implements RequestStreamHandler {

    private static final String SAMPLE_EVENT = "/priming/StartWorkflowEvent.json";

    private final WorkflowLauncher launcher;
    private final Invocation invocation;
    private final Priming priming;

    public StartWorkflowHandler() {
        this(Wiring.fromEnvironment());
    }

    public StartWorkflowHandler(Wiring wiring) {
        WorkflowStarter starter = new SfnWorkflowStarter(wiring.sfn(), wiring.stateMachineArn());
        this.launcher = new WorkflowLauncher(new LifecycleMessageParser(), starter, wiring.metrics());
        this.invocation = new Invocation(wiring.metrics());
        this.priming = Priming.register(new Priming.Step(
                "the first read of an SNS event and its message loads and links Jackson's strict reader, the tree"
                        + " model and the message records; the first write builds the result's serializers",
                this::readSampleEvent));
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        byte[] event = input.readAllBytes();
        Json.writeResponse(output, invocation.run(context, Map.of(), () -> launcher.launch(event)));
    }

    /** The priming registered at construction (for tests and logs), as every task handler has it. */
    public Priming priming() {
        return priming;
    }

    /** Everything an invocation does but StartExecution. */
    private void readSampleEvent() {
        try (InputStream sample = StartWorkflowHandler.class.getResourceAsStream(SAMPLE_EVENT)) {
            if (sample == null) {
                throw new IllegalStateException("no priming sample " + SAMPLE_EVENT);
            }
            List<Notification> read = launcher.read(sample.readAllBytes());
            Json.mapper().writeValueAsBytes(new StartResult(read.stream()
                    .map(n -> new NotificationResult(StartOutcome.IGNORED, null, null, "priming")).toList()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
