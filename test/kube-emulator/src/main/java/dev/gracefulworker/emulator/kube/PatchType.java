package dev.gracefulworker.emulator.kube;

import com.fasterxml.jackson.databind.JsonNode;

/** The patch formats the API server accepts, chosen by the request's Content-Type. */
enum PatchType {
    JSON_PATCH("application/json-patch+json"),
    MERGE_PATCH("application/merge-patch+json"),
    STRATEGIC_MERGE_PATCH("application/strategic-merge-patch+json");

    private final String mediaType;

    PatchType(String mediaType) {
        this.mediaType = mediaType;
    }

    static PatchType of(String contentType) {
        String media = contentType == null ? "" : contentType.split(";", 2)[0].strip();
        for (PatchType t : values()) {
            if (t.mediaType.equalsIgnoreCase(media)) {
                return t;
            }
        }
        throw ApiError.unsupportedMediaType(contentType);
    }

    JsonNode apply(JsonNode target, JsonNode patch) {
        return switch (this) {
            case JSON_PATCH -> JsonPatch.apply(target, patch);
            case MERGE_PATCH -> MergePatch.apply(target, patch);
            case STRATEGIC_MERGE_PATCH -> StrategicMergePatch.forNodes().apply(target, patch);
        };
    }
}
