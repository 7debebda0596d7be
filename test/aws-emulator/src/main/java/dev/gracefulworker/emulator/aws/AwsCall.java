package dev.gracefulworker.emulator.aws;

import java.util.Map;
import java.util.Objects;

/**
 * One request the emulator answered, for assertions.
 *
 * @param service the service's signing name: {@code autoscaling}, {@code ec2}, {@code eks}, {@code states},
 *     {@code secretsmanager} ({@code unknown} when the request could not be routed)
 * @param action the operation name, e.g. {@code CompleteLifecycleAction}
 * @param params the request's parameters: form fields for the query protocols (without {@code Action} and
 *     {@code Version}), top-level JSON fields for the JSON protocols (non-string values as JSON text), path
 *     parameters for EKS
 * @param status the HTTP status answered
 * @param errorCode the error code answered, or {@code null} on success
 */
public record AwsCall(String service, String action, Map<String, String> params, int status, String errorCode) {

  public AwsCall {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(action, "action");
    params = Map.copyOf(params);
  }

  /** Whether the call was answered with a 2xx status. */
  public boolean succeeded() {
    return status / 100 == 2;
  }
}
