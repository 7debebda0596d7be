package dev.gracefulworker.functions.kubernetes;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;

/** One page of a PodDisruptionBudget list, holding only what the eviction gate reads (decoded with Jackson). */
record DisruptionBudgetListPage(ListMeta metadata, List<Item> items) {

    /** The list's metadata: the continue token of the next page. */
    record ListMeta(@JsonProperty("continue") String continueToken) {}

    /** A PodDisruptionBudget. */
    record Item(Metadata metadata, Spec spec, Status status) {}

    /** Its name. */
    record Metadata(String namespace, String name) {}

    /** Its selector. */
    record Spec(DisruptionBudgetInfo.Selector selector) {}

    /** What the disruption controller computed. */
    record Status(Integer disruptionsAllowed) {}

    List<DisruptionBudgetInfo> budgets() {
        return Optional.ofNullable(items).orElse(List.of()).stream()
                .filter(item -> item.metadata() != null)
                .map(item -> new DisruptionBudgetInfo(item.metadata().namespace(), item.metadata().name(),
                        item.spec() == null ? null : item.spec().selector(),
                        // no status yet: the controller has not computed one, and the API refuses evictions until it has
                        item.status() == null || item.status().disruptionsAllowed() == null ? 0
                                : item.status().disruptionsAllowed()))
                .toList();
    }

    String continueToken() {
        return metadata == null ? null : metadata.continueToken();
    }
}
