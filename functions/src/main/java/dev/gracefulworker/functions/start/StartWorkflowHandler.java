package dev.gracefulworker.functions.start;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import dev.gracefulworker.functions.Json;
import dev.gracefulworker.functions.Wiring;
import dev.gracefulworker.functions.observability.Invocation;
import dev.gracefulworker.functions.Priming;
import java.util.List;
import java.util.Map;

/** SNS → Step Functions: starts one execution per termination lifecycle message. */
public final class StartWorkflowHandler implements RequestHandler<SNSEvent, StartResult> {

    private static final String SAMPLE_MESSAGE = """
            {"EC2InstanceId":"i-00000000000000000","LifecycleActionToken":"00000000-0000-0000-0000-000000000000",
             "AutoScalingGroupName":"priming","LifecycleHookName":"priming",
             "LifecycleTransition":"autoscaling:EC2_INSTANCE_TERMINATING"}""";

    private final WorkflowLauncher launcher;
    private final Invocation invocation;
    private final Priming priming;

    public StartWorkflowHandler() {
        this(Wiring.fromEnvironment());
    }

    public StartWorkflowHandler(Wiring wiring) {
        WorkflowStarter starter = new SfnWorkflowStarter(wiring.sfn(), wiring.stateMachineArn());
        LifecycleMessageParser parser = new LifecycleMessageParser(Json.mapper());
        this.launcher = new WorkflowLauncher(parser, starter, wiring.metrics());
        this.invocation = new Invocation(wiring.metrics());
        this.priming = Priming.register(new Priming.Step(
                "the first parse loads and links Jackson's tree model and the message records",
                () -> parser.parse(SAMPLE_MESSAGE)));
    }

    @Override
    public StartResult handleRequest(SNSEvent event, Context context) {
        List<String> messages = event.getRecords().stream().map(r -> r.getSNS().getMessage()).toList();
        return invocation.run(context, Map.of(), () -> launcher.launch(messages));
    }

    /** The priming registered at construction (for tests and logs), as every task handler has it. */
    public Priming priming() {
        return priming;
    }
}
