package dev.gracefulworker.emulator.kube;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * The parts of a meta/v1 DeleteOptions the emulator honours (from the body, an Eviction's {@code deleteOptions}, or the
 * query): the grace period and the uid / resourceVersion preconditions.
 */
record DeleteOptions(Integer gracePeriodSeconds, String preconditionUid, String preconditionResourceVersion) {

    static DeleteOptions from(JsonNode options, Map<String, String> query) {
        JsonNode o = options == null ? Json.object() : options;
        Integer grace = o.path("gracePeriodSeconds").isIntegralNumber() ? o.get("gracePeriodSeconds").asInt() : null;
        String fromQuery = query.get("gracePeriodSeconds");
        if (fromQuery != null) {
            try {
                grace = Integer.parseInt(fromQuery);
            } catch (NumberFormatException e) {
                throw ApiError.badRequest("gracePeriodSeconds must be an integer, got \"" + fromQuery + "\"");
            }
        }
        if (grace != null && grace < 0) {
            grace = 1;  // the API server turns a negative grace period into the minimum, 1 s
        }
        JsonNode preconditions = o.path("preconditions");
        return new DeleteOptions(grace, preconditions.path("uid").asText(null),
                preconditions.path("resourceVersion").asText(null));
    }

    /** Storage-level precondition check: a mismatch is a 409 Conflict with the storage layer's message. */
    void checkPreconditions(JsonNode object, String resource) {
        JsonNode metadata = object.path("metadata");
        String name = metadata.path("name").asText();
        String uid = metadata.path("uid").asText();
        if (preconditionUid != null && !preconditionUid.equals(uid)) {
            throw ApiError.conflict(resource, name, "Precondition failed: UID in precondition: " + preconditionUid
                    + ", UID in object meta: " + uid);
        }
        String version = metadata.path("resourceVersion").asText();
        if (preconditionResourceVersion != null && !preconditionResourceVersion.equals(version)) {
            throw ApiError.conflict(resource, name, "Precondition failed: ResourceVersion in precondition: "
                    + preconditionResourceVersion + ", ResourceVersion in object meta: " + version);
        }
    }
}
