package dev.gracefulworker.emulator.aws;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What goes back on the wire for one request.
 *
 * @param status HTTP status
 * @param contentType the body's media type
 * @param body the body (may be empty)
 * @param headers extra headers, e.g. {@code x-amzn-ErrorType}
 */
record HttpReply(int status, String contentType, byte[] body, Map<String, String> headers) {

  HttpReply {
    headers = Map.copyOf(headers);
  }

  static HttpReply of(int status, String contentType, String body, Map<String, String> headers) {
    return new HttpReply(status, contentType, body.getBytes(StandardCharsets.UTF_8), headers);
  }
}
