package dev.gracefulworker.emulator.aws;

import java.util.Objects;

/**
 * An error answer as a client sees it: the code its SDK reports, the message, and the HTTP status.
 *
 * @param code e.g. {@code ValidationError}, {@code ExecutionAlreadyExists}
 * @param message the human-readable text AWS sends with that code
 * @param status the HTTP status; 5xx marks the service's own fault
 */
record AwsError(String code, String message, int status) {

  AwsError {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("an error status is 4xx or 5xx, not " + status);
    }
  }

  static AwsError badRequest(String code, String message) {
    return new AwsError(code, message, 400);
  }

  /** Whether the caller is to blame (query protocols write {@code Sender}) or the service ({@code Receiver}). */
  boolean senderFault() {
    return status < 500;
  }

  AwsException toException() {
    return new AwsException(this);
  }
}
