package dev.gracefulworker.functions.kubernetes;

import java.util.List;
import java.util.Optional;

/** The cluster's PodDisruptionBudgets. */
public interface DisruptionBudgets {

    /** Every budget of the cluster, or empty when the caller may not list them (an RBAC manifest from before). */
    Optional<List<DisruptionBudgetInfo>> all();
}
