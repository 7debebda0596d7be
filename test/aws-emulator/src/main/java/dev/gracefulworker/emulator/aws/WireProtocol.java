package dev.gracefulworker.emulator.aws;

import java.util.Map;

/** How one family of AWS services writes its errors (and says which parameter or operation is wrong). */
sealed interface WireProtocol permits AwsQueryProtocol, Ec2QueryProtocol, AwsJsonProtocol, RestJsonProtocol {

  HttpReply error(AwsError error, String requestId);

  AwsError unknownOperation(String action);

  AwsError missingParameter(String name);

  /** The parameter's value, or the protocol's missing-parameter error when it is absent or empty. */
  default String required(Map<String, String> params, String name) {
    String value = params.get(name);
    if (value == null || value.isEmpty()) {
      throw missingParameter(name).toException();
    }
    return value;
  }

  /** The wording AWS's request validation uses for a missing member. */
  static String notNullMessage(String member) {
    return "1 validation error detected: Value null at '" + member
        + "' failed to satisfy constraint: Member must not be null";
  }

  static String lowerFirst(String name) {
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }
}
