package dev.gracefulworker.emulator.kube;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a SelfSubjectAccessReview sent as Kubernetes protobuf ({@code application/vnd.kubernetes.protobuf}), as kubectl
 * sends it: the {@code k8s\0} magic, then a {@code runtime.Unknown} whose {@code raw} (field 2) is the review. Only
 * the fields an access review needs are read: {@code spec} (2) → {@code resourceAttributes} (1) → namespace (1),
 * verb (2), group (3), version (4), resource (5), subresource (6), name (7). Answers go back as JSON, which client-go
 * reads by the response's content type.
 */
final class ProtobufReview {

    static final String CONTENT_TYPE = "application/vnd.kubernetes.protobuf";
    private static final byte[] MAGIC = {'k', '8', 's', 0};
    private static final String[] ATTRIBUTES = {null, "namespace", "verb", "group", "version", "resource",
        "subresource", "name"};

    private ProtobufReview() {}

    /** The review as the JSON object a client would have sent: {@code {"spec":{"resourceAttributes":{…}}}}. */
    static ObjectNode read(byte[] body) {
        if (body.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(body, MAGIC.length), MAGIC)) {
            throw ApiError.badRequest("a protobuf body starts with the k8s\\0 magic");
        }
        byte[] raw = field(body, MAGIC.length, body.length, 2);
        ObjectNode review = Json.object();
        ObjectNode attributes = review.putObject("spec").putObject("resourceAttributes");
        byte[] spec = field(raw, 0, raw.length, 2);
        byte[] resourceAttributes = field(spec, 0, spec.length, 1);
        for (int number = 1; number < ATTRIBUTES.length; number++) {
            byte[] value = field(resourceAttributes, 0, resourceAttributes.length, number);
            if (value.length > 0) {
                attributes.put(ATTRIBUTES[number], new String(value, StandardCharsets.UTF_8));
            }
        }
        return review;
    }

    /** The bytes of the first length-delimited field {@code number} in {@code message[from, to)}, or none. */
    private static byte[] field(byte[] message, int from, int to, int number) {
        int[] at = {from};
        while (at[0] < to) {
            long tag = varint(message, at);
            int wireType = (int) (tag & 7);
            switch (wireType) {
                case 0 -> varint(message, at);
                case 1 -> at[0] += 8;
                case 5 -> at[0] += 4;
                case 2 -> {
                    int length = (int) varint(message, at);
                    if (tag >>> 3 == number) {
                        return Arrays.copyOfRange(message, at[0], at[0] + length);
                    }
                    at[0] += length;
                }
                default -> throw ApiError.badRequest("unsupported protobuf wire type " + wireType);
            }
        }
        return new byte[0];
    }

    private static long varint(byte[] message, int[] at) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = message[at[0]++];
            value |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw ApiError.badRequest("malformed protobuf varint");
    }
}
