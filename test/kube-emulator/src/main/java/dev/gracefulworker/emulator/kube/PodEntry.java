package dev.gracefulworker.emulator.kube;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gracefulworker.emulator.kube.Scenario.PodSpec;
import java.time.Instant;

/** A stored pod and the scripted changes still ahead of it; guarded by the {@link Cluster}'s lock. */
final class PodEntry {
    final String key;
    final String nodeName;
    final PodSpec spec;
    ObjectNode object;
    /** {@code object} serialized; null until first listed and whenever {@code object} is about to change. */
    byte[] json;
    /** When the Ready condition turns true; null when not scripted or already applied. */
    Instant readyAt;
    /** When the pod succeeds; null when not scripted or already applied. */
    Instant finishesAt;
    /** The node poll count after which the pod succeeds; null when not scripted or already applied. */
    Integer finishesAfterPolls;
    /** When a graceful deletion completes; null when not deleting or stuck in Terminating. */
    Instant goneAt;

    PodEntry(PodSpec spec, ObjectNode object) {
        this.key = spec.namespace() + "/" + spec.name();
        this.nodeName = spec.node() == null ? "" : spec.node();
        this.spec = spec;
        this.object = object;
    }

    byte[] json() {
        if (json == null) {
            try {
                json = Json.MAPPER.writeValueAsBytes(object);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot serialize pod " + key, e);
            }
        }
        return json;
    }

    boolean hasScriptedChanges() {
        return readyAt != null || finishesAt != null || finishesAfterPolls != null || goneAt != null;
    }
}
