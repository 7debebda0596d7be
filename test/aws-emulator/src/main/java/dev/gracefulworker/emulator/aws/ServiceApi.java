package dev.gracefulworker.emulator.aws;

/** One service's operations as they arrive on the wire: parameters in, a written answer out. */
interface ServiceApi {

  WireProtocol protocol();

  /** The answer to one call; an operation's error is thrown as an {@link AwsException}. */
  HttpReply handle(ServiceCall call, String requestId);
}
