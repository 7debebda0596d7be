package dev.gracefulworker.functions.kubernetes;

import dev.gracefulworker.functions.Json;
import dev.gracefulworker.functions.Priming;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.models.V1NodeList;

/** Priming steps for the handlers that talk to the API server. */
public final class KubernetesPriming {

    private static final String NODE_LIST = """
            {"kind":"NodeList","apiVersion":"v1","metadata":{"resourceVersion":"1"},"items":[{"metadata":{"name":"n",
             "labels":{"kubernetes.io/hostname":"n"},"annotations":{"a":"b"},"resourceVersion":"1"},
             "spec":{"providerID":"aws:///eu-west-1a/i-00000000000000000","taints":[{"key":"k","effect":"NoSchedule"}]},
             "status":{"conditions":[{"type":"Ready","status":"True"}]}}]}""";
    private static final String POD_LIST = """
            {"kind":"PodList","apiVersion":"v1","metadata":{"resourceVersion":"1"},"items":[{"metadata":{"name":"p",
             "namespace":"default","uid":"u","labels":{"app":"a"},"annotations":{"a":"b"},
             "ownerReferences":[{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"r","uid":"u"}],
             "deletionTimestamp":"2026-01-01T00:00:00Z"},"spec":{"nodeName":"n","containers":[{"name":"c","image":"i"}]},"status":{"phase":"Running","conditions":[{"type":"Ready","status":"True"}]}}]}""";
    private static final String BUDGET_LIST = """
            {"kind":"PodDisruptionBudgetList","apiVersion":"policy/v1","metadata":{"resourceVersion":"1"},"items":[{
             "metadata":{"name":"b","namespace":"default"},"spec":{"selector":{"matchLabels":{"app":"a"},
             "matchExpressions":[{"key":"tier","operator":"In","values":["web"]}]},"maxUnavailable":1},
             "status":{"disruptionsAllowed":1,"currentHealthy":2,"desiredHealthy":1,"expectedPods":2}}]}""";

    private KubernetesPriming() {}

    /**
     * client-java reads every answer through Gson with its generated type adapters and an OffsetDateTime parser;
     * the first read of a NodeList builds them all (hundreds of classes). Pod lists are read with Jackson into
     * {@link PodListPage} (and budgets into {@link DisruptionBudgetListPage}), whose deserializers are built on first
     * use. All are done before the snapshot.
     */
    public static Priming.Step readModels(ApiClient client) {
        return new Priming.Step("the first read of a NodeList builds client-java's Gson type adapters; "
                + "the first PodList and PodDisruptionBudgetList reads build Jackson's record deserializers", () -> {
            V1NodeList nodes = client.getJSON().deserialize(NODE_LIST, V1NodeList.class);
            nodes.getItems().forEach(KubernetesNodes::toNodeInfo);
            try {
                Json.mapper().readValue(POD_LIST, PodListPage.class).pods();
                Json.mapper().readValue(BUDGET_LIST, DisruptionBudgetListPage.class).budgets();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("priming: the sample pod list no longer parses", e);
            }
        });
    }
}
