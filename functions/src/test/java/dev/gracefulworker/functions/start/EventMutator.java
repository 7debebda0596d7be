package dev.gracefulworker.functions.start;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gracefulworker.functions.Json;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Deterministic mutations of a saved SNS event, at two levels: the lifecycle message inside {@code Sns.Message} and
 * the envelope around it. Keys are deleted, renamed, added, written twice or given a value of another type; texts are
 * truncated, padded up to Step Functions' input limit, or followed or broken by garbage. Each mutant says what was
 * done to it, so a failing case can be read and replayed.
 */
final class EventMutator {

    /** One mutated event: the text Lambda would deliver and the steps that made it. */
    record Mutant(String event, List<String> steps) {}

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> KEYS = List.of("Records", "Sns", "Message", "EC2InstanceId", "LifecycleActionToken",
            "AutoScalingGroupName", "LifecycleHookName", "LifecycleTransition", "Event", "Destination", "records", "x");
    private static final List<String> GARBAGE = List.of("xyz", "}", "]", ",", " ", "\n", "{}", "null", "\"x\"", "\u0000",
            "{\"EC2InstanceId\":\"i-0123456789abcdef0\"}", "/*", "\\");
    private static final List<Supplier<JsonNode>> VALUES = List.of(
            NODES::nullNode, () -> NODES.numberNode(42), () -> NODES.numberNode(-1.5), () -> NODES.booleanNode(true),
            () -> NODES.textNode(""), () -> NODES.textNode(" "), () -> NODES.textNode("x"), () -> NODES.textNode("é{\"}"),
            () -> NODES.textNode("i-0123456789abcdef0"), () -> NODES.textNode("i-89abcdef"),
            () -> NODES.textNode("3f6b0c2e-0000-4c5a-8e7b-0a9d2f4c6e18"),
            () -> NODES.textNode(LifecycleMessage.TERMINATING), () -> NODES.textNode("autoscaling:EC2_INSTANCE_LAUNCHING"),
            () -> NODES.textNode(LifecycleMessageParser.TEST_NOTIFICATION), NODES::arrayNode,
            () -> NODES.arrayNode().add(NODES.nullNode()), NODES::objectNode, () -> NODES.objectNode().put("a", 1));

    private final Random random;
    private final ObjectNode event;
    private final ObjectNode message;

    EventMutator(long seed, ObjectNode savedEvent) {
        this.random = new Random(seed);
        this.event = savedEvent;
        this.message = (ObjectNode) read(savedEvent.at("/Records/0/Sns/Message").asText());
    }

    /** The next mutant: the message is changed in three cases of four, the envelope in one of three. */
    Mutant next() {
        List<String> steps = new ArrayList<>();
        String messageText = random.nextInt(4) == 0 ? write(message, null) : mutateMessage(steps);
        ObjectNode envelope = event.deepCopy();
        ArrayNode records = (ArrayNode) envelope.get("Records");
        ((ObjectNode) records.get(0).get("Sns")).put("Message", messageText);
        if (random.nextInt(8) == 0) {
            // a second record: the same message (one execution), or a differently mutated one
            ObjectNode second = records.get(0).deepCopy();
            if (random.nextBoolean()) {
                ((ObjectNode) second.get("Sns")).put("Message", mutateMessage(steps));
            }
            records.add(second);
            steps.add("event: a second record");
        }
        String text = random.nextInt(3) == 0 ? mutate(envelope, 2, steps, "event") : write(envelope, null);
        return new Mutant(text, List.copyOf(steps));
    }

    private String mutateMessage(List<String> steps) {
        ObjectNode copy = message.deepCopy();
        if (random.nextInt(20) == 0) {
            return pad(copy, steps);
        }
        return mutate(copy, 3, steps, "message");
    }

    /** Up to {@code most} tree mutations of {@code root}, then maybe one to its text; at least one in all. */
    private String mutate(ObjectNode root, int most, List<String> steps, String level) {
        int count = random.nextInt(most + 1);
        Duplicate duplicate = null;
        for (int i = 0; i < count; i++) {
            List<ObjectNode> objects = objectsIn(root);
            ObjectNode target = objects.get(random.nextInt(objects.size()));
            switch (random.nextInt(5)) {
                case 0 -> delete(target, steps, level);
                case 1 -> rename(target, steps, level);
                case 2 -> replace(target, steps, level);
                case 3 -> add(target, steps, level);
                default -> duplicate = duplicate(target, steps, level);
            }
        }
        String text = write(root, duplicate);
        return count == 0 || random.nextInt(4) == 0 ? mutateText(text, steps, level) : text;
    }

    private void delete(ObjectNode target, List<String> steps, String level) {
        String key = anyKey(target);
        if (key != null) {
            target.remove(key);
            steps.add(level + ": delete " + key);
        }
    }

    private void rename(ObjectNode target, List<String> steps, String level) {
        String key = anyKey(target);
        if (key != null) {
            String renamed = pick(KEYS);
            target.set(renamed, target.remove(key));
            steps.add(level + ": rename " + key + " to " + renamed);
        }
    }

    private void replace(ObjectNode target, List<String> steps, String level) {
        String key = anyKey(target);
        if (key != null) {
            JsonNode value = pick(VALUES).get();
            target.set(key, value);
            steps.add(level + ": " + key + " = " + value);
        }
    }

    private void add(ObjectNode target, List<String> steps, String level) {
        String key = pick(KEYS);
        JsonNode value = pick(VALUES).get();
        target.set(key, value);
        steps.add(level + ": add " + key + " = " + value);
    }

    private Duplicate duplicate(ObjectNode target, List<String> steps, String level) {
        String key = anyKey(target);
        if (key == null) {
            return null;
        }
        JsonNode second = random.nextBoolean() ? target.get(key).deepCopy() : pick(VALUES).get();
        steps.add(level + ": " + key + " written twice, again as " + second);
        return new Duplicate(target, key, second);
    }

    private String mutateText(String text, List<String> steps, String level) {
        int at = random.nextInt(text.length() + 1);
        return switch (random.nextInt(4)) {
            case 0 -> {
                steps.add(level + ": truncated at " + at);
                yield text.substring(0, at);
            }
            case 1 -> {
                String garbage = random.nextBoolean() ? pick(GARBAGE) : text;
                steps.add(level + ": followed by " + Json.mapper().getNodeFactory().textNode(garbage));
                yield text + garbage;
            }
            case 2 -> {
                String garbage = pick(GARBAGE);
                steps.add(level + ": " + Json.mapper().getNodeFactory().textNode(garbage) + " inserted at " + at);
                yield text.substring(0, at) + garbage + text.substring(at);
            }
            default -> {
                int end = Math.min(text.length(), at + 1 + random.nextInt(8));
                steps.add(level + ": characters " + at + " to " + end + " removed");
                yield text.substring(0, at) + text.substring(end);
            }
        };
    }

    /** The message grown by a padding key to within a few bytes of Step Functions' limit, either side. */
    private String pad(ObjectNode copy, List<String> steps) {
        copy.put("Padding", "");
        int target = ExecutionInputLimit.MAX_BYTES - 3 + random.nextInt(7);
        int missing = target - write(copy, null).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        copy.put("Padding", "é".repeat(missing / 2) + "a".repeat(missing % 2));
        steps.add("message: padded to " + target + " bytes");
        return write(copy, null);
    }

    private String anyKey(ObjectNode target) {
        List<String> keys = new ArrayList<>();
        target.fieldNames().forEachRemaining(keys::add);
        return keys.isEmpty() ? null : keys.get(random.nextInt(keys.size()));
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static List<ObjectNode> objectsIn(JsonNode node) {
        List<ObjectNode> objects = new ArrayList<>();
        if (node instanceof ObjectNode object) {
            objects.add(object);
        }
        node.forEach(child -> objects.addAll(objectsIn(child)));
        return objects;
    }

    /** A key written a second time, with {@code value}: a tree cannot hold it, so it is added while writing. */
    private record Duplicate(ObjectNode in, String key, JsonNode value) {}

    private static String write(JsonNode root, Duplicate duplicate) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = Json.mapper().createGenerator(text)) {
            write(root, duplicate, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void write(JsonNode node, Duplicate duplicate, JsonGenerator json) throws IOException {
        if (node instanceof ObjectNode object) {
            json.writeStartObject();
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                json.writeFieldName(field.getKey());
                write(field.getValue(), duplicate, json);
                if (duplicate != null && duplicate.in() == object && duplicate.key().equals(field.getKey())) {
                    json.writeFieldName(field.getKey());
                    write(duplicate.value(), null, json);
                }
            }
            json.writeEndObject();
        } else if (node instanceof ArrayNode array) {
            json.writeStartArray();
            for (JsonNode element : array) {
                write(element, duplicate, json);
            }
            json.writeEndArray();
        } else {
            json.writeTree(node);
        }
    }

    private static JsonNode read(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
