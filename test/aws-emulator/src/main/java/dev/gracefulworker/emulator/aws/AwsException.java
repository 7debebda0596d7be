package dev.gracefulworker.emulator.aws;

/** Carries an {@link AwsError} out of an operation to the protocol that writes it. */
final class AwsException extends RuntimeException {

  private final AwsError error;

  AwsException(AwsError error) {
    super(error.code() + ": " + error.message(), null, false, false);
    this.error = error;
  }

  AwsError error() {
    return error;
  }
}
