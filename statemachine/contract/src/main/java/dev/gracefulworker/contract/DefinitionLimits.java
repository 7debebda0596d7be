package dev.gracefulworker.contract;

import java.util.Objects;

/**
 * What a definition can afford, counted from it at synth and rendered into "Apply per-group overrides" so settings
 * changed at run time are held to the same numbers: its history budget and its heartbeat budget.
 */
public record DefinitionLimits(HistoryBudget history, HeartbeatBudget heartbeat) {

    public DefinitionLimits {
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(heartbeat, "heartbeat");
    }
}
