package dev.gracefulworker.cdk;

import dev.gracefulworker.contract.WorkflowFunction;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.Tracing;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One handler of the functions jar as a Java 25 function with SnapStart, X-Ray, its own log group and the alias
 * {@value #ALIAS} on the published version, which is what callers invoke (SnapStart applies to published versions only).
 */
final class JavaFunction extends Construct {

    static final String ALIAS = WorkflowFunction.ALIAS;
    static final String SERVICE_NAME = "graceful-worker-terminator";
    static final String METRICS_NAMESPACE = "GracefulWorkerTerminator";
    /** C1 only: the functions are short-lived, so a fast start beats peak throughput. */
    static final String JAVA_TOOL_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";

    private final Function function;
    private final Alias alias;

    JavaFunction(Construct scope, WorkflowFunction handler, IRole role, Map<String, String> environment,
                 FunctionDefaults defaults, IQueue deadLetterQueue) {
        super(scope, handler.constructId());
        var logGroup = LogGroup.Builder.create(this, "Logs").retention(RetentionDays.ONE_MONTH).build();
        logGroup.grantWrite(role);
        var variables = new LinkedHashMap<String, String>();
        variables.put("POWERTOOLS_SERVICE_NAME", SERVICE_NAME);
        variables.put("POWERTOOLS_METRICS_NAMESPACE", METRICS_NAMESPACE);
        variables.put("POWERTOOLS_LOG_LEVEL", defaults.logLevel().name());
        variables.put("JAVA_TOOL_OPTIONS", JAVA_TOOL_OPTIONS);
        variables.putAll(environment);
        var builder = Function.Builder.create(this, "Function")
                .runtime(Runtime.JAVA_25)
                .architecture(Architecture.X86_64)
                .handler(handler.handlerClass())
                .description(handler.description())
                .code(defaults.code())
                .role(role)
                .memorySize(defaults.memoryMb())
                // below the task's own timeout (WorkflowFunction.taskTimeoutSeconds), so running out of time surfaces
                // as the Lambda error it is, which the state machine retries
                .timeout(Duration.seconds(handler.functionTimeoutSeconds()))
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                .tracing(Tracing.ACTIVE)
                .logGroup(logGroup)
                .environment(variables);
        if (deadLetterQueue != null) {
            builder.deadLetterQueue(deadLetterQueue);
        }
        defaults.placement().ifPresent(placement -> builder
                .vpc(placement.vpc())
                .vpcSubnets(placement.subnets())
                .securityGroups(placement.securityGroups()));
        this.function = builder.build();
        CfnLintFindings.roleDependencyWrittenByCdk(function);
        Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                "callers invoke the alias " + ALIAS + " on currentVersion, a published version");
        this.alias = Alias.Builder.create(this, "Alias").aliasName(ALIAS).version(function.getCurrentVersion()).build();
    }

    Function function() {
        return function;
    }

    /** What callers invoke. */
    Alias alias() {
        return alias;
    }
}
