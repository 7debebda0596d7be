package dev.gracefulworker.emulator.aws;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * One page of ListExecutions.
 *
 * @param executions the page, newest first
 * @param nextToken the token for the next page, or null on the last one
 */
record ExecutionPage(List<Execution> executions, String nextToken) {

  private static final String PREFIX = "executions-from:";

  ExecutionPage {
    executions = List.copyOf(executions);
  }

  /** Opaque to clients, as AWS's tokens are; here it is only the offset of the next page. */
  static String token(int offset) {
    return Base64.getEncoder().encodeToString((PREFIX + offset).getBytes(StandardCharsets.UTF_8));
  }

  /** The offset a token stands for; a token this emulator did not make is AWS's {@code InvalidToken}. */
  static int offset(String token) {
    try {
      String text = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
      if (text.startsWith(PREFIX)) {
        return Integer.parseInt(text.substring(PREFIX.length()));
      }
    } catch (IllegalArgumentException e) {
      // not base64, or not a number: falls through to the error below
    }
    throw AwsError.badRequest("InvalidToken", "Invalid Token: '" + token + "'").toException();
  }
}
