package dev.gracefulworker.emulator.aws;

import java.time.Instant;
import java.util.Objects;

/**
 * A Step Functions execution as the emulator holds it.
 *
 * @param arn the execution ARN
 * @param name the execution name
 * @param input the input JSON text, as given
 * @param status RUNNING until a test calls {@link StepFunctions#finish}; then SUCCEEDED, FAILED, TIMED_OUT or ABORTED
 * @param startDate when StartExecution created it
 * @param stateMachineArn the state machine it runs
 * @param stopDate when it finished, or null while running
 * @param output the output JSON text once finished, or null
 * @param error a failed execution's error name (e.g. {@code States.TaskFailed}), or null
 * @param cause a failed execution's cause, or null
 */
public record Execution(String arn, String name, String input, String status, Instant startDate,
    String stateMachineArn, Instant stopDate, String output, String error, String cause) {

  static final String RUNNING = "RUNNING";

  public Execution {
    Objects.requireNonNull(arn, "arn");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(startDate, "startDate");
    Objects.requireNonNull(stateMachineArn, "stateMachineArn");
  }

  public boolean running() {
    return status.equals(RUNNING);
  }

  Execution finished(String finalStatus, Instant at, String finalOutput) {
    return new Execution(arn, name, input, finalStatus, startDate, stateMachineArn, at, finalOutput, null, null);
  }

  Execution failed(Instant at, String failedError, String failedCause) {
    return new Execution(arn, name, input, "FAILED", startDate, stateMachineArn, at, null, failedError, failedCause);
  }
}
