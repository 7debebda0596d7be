package dev.gracefulworker.emulator.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** JSON reading and writing shared by the JSON protocols. */
final class Json {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  /** The text parsed as JSON, or empty when it is not JSON. */
  static Optional<JsonNode> parse(String text) {
    try {
      return Optional.ofNullable(MAPPER.readTree(text));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  /**
   * The top-level fields of a JSON object as strings: text values as they are, anything else as JSON text.
   * Not an object (or not JSON) gives no fields.
   */
  static Map<String, String> topLevelFields(String body) {
    var fields = new LinkedHashMap<String, String>();
    parse(body)
        .filter(JsonNode::isObject)
        .ifPresent(root -> root.properties().forEach(field -> {
          JsonNode value = field.getValue();
          if (!value.isNull()) {
            fields.put(field.getKey(), value.isTextual() ? value.textValue() : write(value));
          }
        }));
    return fields;
  }

  /** AWS JSON protocols carry timestamps as epoch seconds with a fraction. */
  static BigDecimal epochSeconds(Instant instant) {
    return BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3);
  }
}
