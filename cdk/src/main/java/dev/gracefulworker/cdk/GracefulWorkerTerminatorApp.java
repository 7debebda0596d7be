package dev.gracefulworker.cdk;

import software.amazon.awscdk.App;
import software.amazon.awscdk.StackProps;

/** The CDK app: {@code cdk synth -c clusterName=... -c autoScalingGroupNames=...} (see cdk/README.md). */
public final class GracefulWorkerTerminatorApp {

    public static final String STACK_NAME = "GracefulWorkerTerminator";

    private GracefulWorkerTerminatorApp() {
    }

    public static void main(String[] args) {
        var app = new App();
        DeploymentConfig config;
        try {
            config = DeploymentConfig.from(key -> app.getNode().tryGetContext(key));
        } catch (InvalidDeploymentConfigException e) {
            // the message names every bad key and its fix; a stack trace would only bury it
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        new GracefulWorkerTerminatorStack(app, STACK_NAME, StackProps.builder()
                .description("graceful-worker-terminator: drains Kubernetes worker nodes before Auto Scaling "
                        + "terminates them")
                .build(), config, FunctionsJar.locate());
        app.synth();
    }
}
