package dev.gracefulworker.emulator.kube.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gracefulworker.emulator.kube.KubeEmulator;
import dev.gracefulworker.emulator.kube.Scenario;
import dev.gracefulworker.emulator.kube.ScenarioClock;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.AppsV1Api;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Eviction;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1ReplicaSet;
import io.kubernetes.client.openapi.models.V1ReplicaSetSpec;
import io.kubernetes.client.util.Config;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** client-java (the product's client) over HTTPS against the workload controller, through the generated models. */
class ClientJavaWorkloadTest {
    private final ScenarioClock clock = new ScenarioClock(Instant.parse("2026-11-25T09:00:00Z"));
    private KubeEmulator emulator;
    private ApiClient client;
    private CoreV1Api core;
    private AppsV1Api apps;

    @BeforeEach
    void connect(@TempDir Path dir) throws IOException {
        emulator = KubeEmulator.start(Scenario.load(Path.of("src/test/resources/scenarios/replica-set-under-budget.yaml")),
                clock);
        client = Config.fromConfig(emulator.writeKubeconfig(dir.resolve("kubeconfig")).toString());
        core = new CoreV1Api(client);
        apps = new AppsV1Api(client);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    /** As the product evicts: the generated execute() would read the answer (a Status) as an Eviction. */
    private int evict(String name) {
        try {
            client.execute(core.createNamespacedPodEviction(name, "web",
                    new V1Eviction().metadata(new V1ObjectMeta().name(name).namespace("web"))).buildCall(null));
            return 201;
        } catch (ApiException e) {
            return e.getCode();
        }
    }

    private List<V1Pod> webPods() throws ApiException {
        return core.listNamespacedPod("web").labelSelector("app=web").execute().getItems();
    }

    @Test
    void evictionsUnderMaxUnavailableOne_passOneAtATime_andTheReplacementLandsOnAnotherNode() throws ApiException {
        List<String> names = webPods().stream().map(p -> p.getMetadata().getName()).toList();
        String firstNode = webPods().getFirst().getSpec().getNodeName();

        int first = evict(names.get(0));
        int blocked = evict(names.get(1));
        clock.advance(Duration.ofSeconds(5));
        V1ReplicaSet starting = apps.readNamespacedReplicaSet("web", "web").execute();
        V1Pod replacement = webPods().stream().filter(p -> p.getMetadata().getDeletionTimestamp() == null
                && !names.contains(p.getMetadata().getName())).findFirst().orElseThrow();
        int stillBlocked = evict(names.get(1));
        clock.advance(Duration.ofSeconds(10));
        int allowed = evict(names.get(1));

        assertThat(List.of(first, blocked, stillBlocked, allowed)).containsExactly(201, 429, 429, 201);
        assertThat(replacement.getSpec().getNodeName()).isNotEqualTo(firstNode);
        assertThat(starting.getStatus().getReplicas()).isEqualTo(3);
        assertThat(starting.getStatus().getReadyReplicas()).isEqualTo(2);
        assertThat(emulator.budgetViolations()).isZero();
        assertThat(emulator.evictionsPerWorkload()).containsExactly(Map.entry("ReplicaSet/web/web", 2));
    }

    @Test
    void replicaSetCreatedWithTheClientsModel_isAnsweredAsTheModel_andStatefulSetsList() throws ApiException {
        V1ReplicaSet cart = new V1ReplicaSet().apiVersion("apps/v1").kind("ReplicaSet")
                .metadata(new V1ObjectMeta().name("cart").namespace("web"))
                .spec(new V1ReplicaSetSpec().replicas(2)
                        .selector(new V1LabelSelector().matchLabels(Map.of("app", "cart")))
                        .template(new V1PodTemplateSpec().metadata(new V1ObjectMeta().labels(Map.of("app", "cart")))
                                .spec(new V1PodSpec().containers(List.of(new V1Container().name("cart").image("cart:1"))))));

        V1ReplicaSet created = apps.createNamespacedReplicaSet("web", cart).execute();
        ApiException again = catchThrowableOfType(ApiException.class,
                () -> apps.createNamespacedReplicaSet("web", cart).execute());
        List<String> statefulSets = apps.listStatefulSetForAllNamespaces().execute().getItems().stream()
                .map(s -> s.getMetadata().getNamespace() + "/" + s.getMetadata().getName()).toList();

        assertThat(created.getMetadata().getUid()).isNotBlank();
        assertThat(created.getStatus().getReplicas()).isEqualTo(2);
        assertThat(core.listNamespacedPod("web").labelSelector("app=cart").execute().getItems()).hasSize(2)
                .allMatch(p -> p.getSpec().getNodeName() != null);
        assertThat(again.getCode()).isEqualTo(409);
        assertThat(statefulSets).containsExactly("data/db");
    }
}
