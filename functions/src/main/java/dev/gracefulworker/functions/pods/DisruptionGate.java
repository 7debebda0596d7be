package dev.gracefulworker.functions.pods;

import dev.gracefulworker.functions.kubernetes.DisruptionBudgetInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Holds back the evictions a PodDisruptionBudget would refuse now. In a wave of drains most eviction requests are
 * such refusals (a budget lets one pod of a workload go at a time, and every drained node asks for its own): the
 * 100-node wave ({@code test/e2e/fleets/wave-100.yaml}) spent 60% of all its API requests on such 429s. So "Check
 * pods" reads the budgets once per poll and asks only for what their {@code disruptionsAllowed} permits, counting down
 * as it asks. The API server still
 * decides every eviction it is asked for; the gate only skips requests whose answer is known:
 * <ul>
 *   <li>a pod that is not Ready is always asked for: an unhealthy pod may go while its budget is healthy, and its
 *       eviction uses up no allowed disruption;</li>
 *   <li>a pod no budget covers, or more than one (the API answers that with an error of its own), is asked for;</li>
 *   <li>without the budgets (RBAC from before the gate) every eviction is asked for, as before.</li>
 * </ul>
 * The status is the disruption controller's and may be seconds old: a budget that frees up after the list is used by
 * the next poll, one that filled up meanwhile still answers 429, as without the gate.
 */
final class DisruptionGate {

    /** What to ask for now, in order, and the pods held back with the reason shown for each. */
    record Split(List<PodVerdict> ask, Map<PodVerdict, String> held) {}

    private final Optional<List<DisruptionBudgetInfo>> budgets;

    /** @param budgets the cluster's budgets, or empty when they could not be read (nothing is held back) */
    DisruptionGate(Optional<List<DisruptionBudgetInfo>> budgets) {
        this.budgets = budgets;
    }

    Split split(List<PodVerdict> inOrder) {
        if (budgets.isEmpty()) {
            return new Split(inOrder, Map.of());
        }
        Map<DisruptionBudgetInfo, Integer> allowed = new HashMap<>();
        List<PodVerdict> ask = new ArrayList<>();
        Map<PodVerdict, String> held = new LinkedHashMap<>();
        for (PodVerdict verdict : inOrder) {
            List<DisruptionBudgetInfo> covering = budgets.get().stream().filter(b -> b.selects(verdict.pod())).toList();
            if (covering.size() != 1 || !verdict.pod().ready()) {
                ask.add(verdict);
                continue;
            }
            DisruptionBudgetInfo budget = covering.getFirst();
            int left = allowed.computeIfAbsent(budget, DisruptionBudgetInfo::disruptionsAllowed);
            if (left <= 0) {
                held.put(verdict, "eviction held back: PodDisruptionBudget " + budget.reference()
                        + " allows no disruption now");
                continue;
            }
            allowed.put(budget, left - 1);
            ask.add(verdict);
        }
        return new Split(ask, held);
    }
}
