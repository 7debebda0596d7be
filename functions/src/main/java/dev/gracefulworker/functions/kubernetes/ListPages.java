package dev.gracefulworker.functions.kubernetes;

import io.kubernetes.client.openapi.models.V1ListMeta;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Reads every page of a Kubernetes list call (limit + continue token), so large clusters are read in bounded pages. */
final class ListPages {

    static final int PAGE_SIZE = 500;

    private ListPages() {}

    /**
     * @param page one list call for a continue token (null for the first page)
     * @param items the items of a page, already converted
     * @param metadata the list metadata of a page, holding the next continue token
     */
    static <L, T> List<T> all(String operation, Function<String, KubernetesFailures.Call<L>> page,
            Function<L, List<T>> items, Function<L, V1ListMeta> metadata) {
        List<T> all = new ArrayList<>();
        String continueToken = null;
        do {
            L list = KubernetesFailures.call(operation, page.apply(continueToken));
            all.addAll(items.apply(list));
            V1ListMeta meta = metadata.apply(list);
            continueToken = meta == null ? null : meta.getContinue();
        } while (continueToken != null && !continueToken.isEmpty());
        return all;
    }
}
