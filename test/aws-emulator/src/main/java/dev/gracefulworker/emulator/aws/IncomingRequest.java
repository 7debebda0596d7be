package dev.gracefulworker.emulator.aws;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of an HTTP request that routing and the operations read.
 *
 * @param method e.g. {@code POST}
 * @param path the decoded path
 * @param queryParams the decoded query string
 * @param contentType the {@code Content-Type} header, or an empty string
 * @param target the {@code X-Amz-Target} header, if any
 * @param authorization the {@code Authorization} header, if any
 * @param body the body as UTF-8 text
 */
record IncomingRequest(String method, String path, Map<String, String> queryParams, String contentType,
    Optional<String> target, Optional<String> authorization, String body) {

  static IncomingRequest read(HttpExchange exchange) throws IOException {
    var headers = exchange.getRequestHeaders();
    String body;
    try (InputStream in = exchange.getRequestBody()) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    return new IncomingRequest(
        exchange.getRequestMethod(),
        exchange.getRequestURI().getPath(),
        formFields(exchange.getRequestURI().getRawQuery()),
        Optional.ofNullable(headers.getFirst("Content-Type")).orElse(""),
        Optional.ofNullable(headers.getFirst("X-Amz-Target")),
        Optional.ofNullable(headers.getFirst("Authorization")),
        body);
  }

  /** The query string and, for a form post, the body's fields (the query protocols send either). */
  Map<String, String> formParams() {
    var params = new LinkedHashMap<>(queryParams);
    if (contentType.startsWith("application/x-www-form-urlencoded")) {
      params.putAll(formFields(body));
    }
    return params;
  }

  /** Whether the request is signed with SigV4, in a header or presigned in the query string. */
  boolean signed() {
    return authorization.filter(value -> value.startsWith("AWS4-HMAC-SHA256")).isPresent()
        || queryParams.containsKey("X-Amz-Signature");
  }

  private static Map<String, String> formFields(String encoded) {
    var fields = new LinkedHashMap<String, String>();
    if (encoded == null || encoded.isEmpty()) {
      return fields;
    }
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String key = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      fields.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return fields;
  }
}
