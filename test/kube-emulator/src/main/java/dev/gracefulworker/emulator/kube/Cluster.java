package dev.gracefulworker.emulator.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gracefulworker.emulator.kube.Scenario.NodeSpec;
import dev.gracefulworker.emulator.kube.Scenario.OwnerKind;
import dev.gracefulworker.emulator.kube.Scenario.PdbSpec;
import dev.gracefulworker.emulator.kube.Scenario.Phase;
import dev.gracefulworker.emulator.kube.Scenario.PodSpec;
import dev.gracefulworker.emulator.kube.Scenario.VolumeAttachmentSpec;
import dev.gracefulworker.emulator.kube.Scenario.WorkloadSpec;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The emulated cluster's state: nodes, pods (indexed by node), PodDisruptionBudgets and the controllers pods name.
 * One lock guards everything; scripted changes (readiness, finishing, graceful deletion) are applied lazily against
 * the clock at the start of every operation, and each change advances the global resourceVersion.
 * Stored objects are never modified in place (a change stores a changed copy), so a list answer can share them and be
 * serialized after the lock is released.
 */
final class Cluster {
    private final Clock clock;
    private final Instant start;
    private long resourceVersion;
    private final TreeMap<String, ObjectNode> nodes = new TreeMap<>();
    private final TreeMap<String, PodEntry> pods = new TreeMap<>();
    private final Map<String, TreeMap<String, PodEntry>> podsByNode = new HashMap<>();
    private final Set<PodEntry> scripted = new LinkedHashSet<>();
    private final TreeMap<String, DisruptionBudget> budgets = new TreeMap<>();
    private final Map<String, ObjectNode> controllers = new HashMap<>();
    private final Map<String, Integer> nodePolls = new HashMap<>();
    private final List<String> evictions = new ArrayList<>();
    /** Nodes whose kubelet stops posting status at the given instant. */
    private final Map<String, Instant> nodesGoingNotReady = new HashMap<>();
    private final TreeMap<String, ObjectNode> volumeAttachments = new TreeMap<>();
    /** VolumeAttachments detached (deleted) at the given instant. */
    private final Map<String, Instant> detachments = new HashMap<>();
    /** The ReplicaSets and StatefulSets the workload controller manages (declared or created through the API). */
    private final TreeMap<String, Workload> workloads = new TreeMap<>();
    /** Managed pods waiting for a node (Pending, PodScheduled=False Unschedulable), retried on every settle. */
    private final Set<PodEntry> unscheduled = new LinkedHashSet<>();
    private final Map<String, Integer> evictionsPerWorkload = new TreeMap<>();
    private int budgetViolations;
    private long podIncarnations;

    Cluster(Scenario scenario, Clock clock) {
        this.clock = clock;
        this.start = clock.instant();
        Instant created = start.minusSeconds(3600);
        for (NodeSpec node : scenario.nodes()) {
            nodes.put(node.name(), stamp(ApiObjects.node(node, created)));
            if (node.notReadyAfterSeconds() != null) {
                nodesGoingNotReady.put(node.name(), start.plusSeconds(node.notReadyAfterSeconds()));
            }
        }
        for (VolumeAttachmentSpec attachment : scenario.volumeAttachments()) {
            volumeAttachments.put(attachment.name(), stamp(ApiObjects.volumeAttachment(attachment, created)));
            if (attachment.detachesAfterSeconds() != null) {
                detachments.put(attachment.name(), start.plusSeconds(attachment.detachesAfterSeconds()));
            }
        }
        for (PodSpec spec : scenario.pods()) {
            boolean readyNow = spec.ready() && spec.readyAfterSeconds() == null && spec.phase() == Phase.Running;
            PodEntry entry = new PodEntry(spec, stamp(ApiObjects.pod(spec, created.plusSeconds(600), readyNow)));
            if (spec.ready() && spec.readyAfterSeconds() != null) {
                entry.readyAt = start.plusSeconds(spec.readyAfterSeconds());
            }
            if (spec.finishesAfterSeconds() != null) {
                entry.finishesAt = start.plusSeconds(spec.finishesAfterSeconds());
            }
            entry.finishesAfterPolls = spec.finishesAfterPolls();
            add(entry);
            if (spec.owner() != null && !spec.mirror()) {
                controllers.putIfAbsent(controllerKey(spec.owner().kind(), spec.namespace(), spec.owner().name()),
                        ApiObjects.controller(spec.owner().kind(), spec.namespace(), spec.owner().name(), spec.labels(),
                                created));
            }
        }
        declareWorkloads(OwnerKind.ReplicaSet, scenario.replicaSets(), created);
        declareWorkloads(OwnerKind.StatefulSet, scenario.statefulSets(), created);
        for (PdbSpec pdb : scenario.podDisruptionBudgets()) {
            budgets.put(pdb.namespace() + "/" + pdb.name(), DisruptionBudget.of(pdb));
        }
    }

    /** The scenario's workloads and their pods, Ready at start: round-robin over the named nodes, else scheduled. */
    private void declareWorkloads(OwnerKind kind, List<WorkloadSpec> specs, Instant created) {
        for (WorkloadSpec spec : specs) {
            Workload workload = Workload.declared(kind, spec, created);
            workloads.put(workload.key(), workload);
            for (int i = 0; i < spec.replicas(); i++) {
                String name = workload.podName(i);
                String node = spec.nodes().isEmpty() ? null : spec.nodes().get(i % spec.nodes().size());
                if (node == null) {
                    createPod(workload, name, created.plusSeconds(600), created.plusSeconds(600));
                    continue;
                }
                PodSpec podSpec = workload.podSpec(name, node);
                add(new PodEntry(podSpec, stamp(workload.podObject(podSpec, created.plusSeconds(600), true,
                        ApiObjects.uid("Pod", spec.namespace(), name)))));
            }
        }
    }

    // ---- reads -------------------------------------------------------------------------------------------------

    synchronized long resourceVersion() {
        return resourceVersion;
    }

    synchronized Optional<ObjectNode> node(String name) {
        settle();
        ObjectNode node = nodes.get(name);
        return Optional.ofNullable(node).map(n -> withKind(n, "v1", "Node"));
    }

    synchronized ObjectNode listNodes(FieldSelector fields, LabelSelector labels) {
        settle();
        return list("v1", "NodeList", selected(nodes.values(), fields, labels));
    }

    synchronized Optional<ObjectNode> pod(String namespace, String name) {
        settle();
        PodEntry entry = pods.get(namespace + "/" + name);
        return Optional.ofNullable(entry).map(e -> withKind(e.object, "v1", "Pod"));
    }

    synchronized List<ObjectNode> pods() {
        settle();
        return pods.values().stream().map(e -> withKind(e.object, "v1", "Pod")).toList();
    }

    /**
     * Lists pods, all namespaces when {@code namespace} is null. A {@code spec.nodeName} term is answered from the node
     * index and counts as a poll of that node (after the answer, so "finishes after 3 polls" is seen running 3 times).
     */
    synchronized SerializedList listPods(String namespace, FieldSelector fields, LabelSelector labels) {
        settle();
        Optional<String> polledNode = fields.nodeName();
        Collection<PodEntry> candidates = polledNode
                .map(n -> (Collection<PodEntry>) podsByNode.getOrDefault(n, new TreeMap<>()).values())
                .orElseGet(() -> namespace == null ? pods.values() : inNamespace(namespace).values());
        List<ObjectNode> items = new ArrayList<>();
        List<byte[]> serialized = new ArrayList<>();
        for (PodEntry entry : candidates) {
            if ((namespace == null || entry.spec.namespace().equals(namespace))
                    && fields.matches(entry.object) && labels.matches(entry.object)) {
                items.add(entry.object);
                serialized.add(entry.json());
            }
        }
        polledNode.ifPresent(n -> nodePolls.merge(n, 1, Integer::sum));
        return new SerializedList("v1", "PodList", Long.toString(resourceVersion), items, serialized);
    }

    synchronized int polls(String nodeName) {
        return nodePolls.getOrDefault(nodeName, 0);
    }

    synchronized List<String> evictions() {
        return List.copyOf(evictions);
    }

    synchronized Optional<ObjectNode> controller(OwnerKind kind, String namespace, String name) {
        settle();
        Workload workload = workloads.get(Workload.key(kind, namespace, name));
        if (workload != null) {
            return Optional.of(workloadObject(workload));
        }
        return Optional.ofNullable(controllers.get(controllerKey(kind, namespace, name))).map(ObjectNode::deepCopy);
    }

    /** The controllers of one kind (managed workloads and the owners pods name), all namespaces when null. */
    synchronized ObjectNode listControllers(OwnerKind kind, String namespace, FieldSelector fields, LabelSelector labels) {
        settle();
        TreeMap<String, ObjectNode> found = new TreeMap<>();
        controllers.forEach((key, object) -> found.put(key, object.deepCopy()));
        workloads.forEach((key, workload) -> found.put(key, workloadObject(workload)));
        List<ObjectNode> ofKind = new ArrayList<>();
        found.forEach((key, object) -> {
            if (key.startsWith(kind.name() + "/") && (namespace == null || key.startsWith(kind.name() + "/" + namespace + "/"))) {
                object.remove("kind");
                object.remove("apiVersion");
                ofKind.add(object);
            }
        });
        return list(kind.apiVersion(), kind.name() + "List", selected(ofKind, fields, labels));
    }

    /** How many evictions succeeded per owner, keyed {@code Kind/namespace/name}. */
    synchronized Map<String, Integer> evictionsPerWorkload() {
        return Map.copyOf(evictionsPerWorkload);
    }

    /** Successful evictions of a healthy pod that left a budget with fewer healthy pods than it desires (must stay 0). */
    synchronized int budgetViolations() {
        return budgetViolations;
    }

    /** Lists every VolumeAttachment: the real API has no field selector on {@code spec.nodeName} for them. */
    synchronized ObjectNode listVolumeAttachments(FieldSelector fields, LabelSelector labels) {
        settle();
        return list("storage.k8s.io/v1", "VolumeAttachmentList", selected(volumeAttachments.values(), fields, labels));
    }

    private static ArrayNode selected(Collection<ObjectNode> objects, FieldSelector fields, LabelSelector labels) {
        ArrayNode items = Json.array();
        for (ObjectNode object : objects) {
            if (fields.matches(object) && labels.matches(object)) {
                items.add(object);
            }
        }
        return items;
    }

    synchronized Optional<ObjectNode> volumeAttachment(String name) {
        settle();
        return Optional.ofNullable(volumeAttachments.get(name)).map(a -> withKind(a, "storage.k8s.io/v1", "VolumeAttachment"));
    }

    synchronized void setNodeReady(String name, boolean ready) {
        settle();
        ObjectNode node = nodes.get(name);
        if (node == null) {
            throw new IllegalArgumentException("no node " + name);
        }
        nodesGoingNotReady.remove(name);
        storeReady(name, node, ready);
    }

    synchronized ObjectNode listBudgets(String namespace, FieldSelector fields, LabelSelector labels) {
        settle();
        ArrayNode items = Json.array();
        for (DisruptionBudget budget : budgets.values()) {
            if (namespace == null || budget.spec().namespace().equals(namespace)) {
                ObjectNode pdb = budgetObject(budget);
                if (fields.matches(pdb) && labels.matches(pdb)) {
                    items.add(pdb);
                }
            }
        }
        return list("policy/v1", "PodDisruptionBudgetList", items);
    }

    synchronized Optional<ObjectNode> budget(String namespace, String name) {
        settle();
        return Optional.ofNullable(budgets.get(namespace + "/" + name))
                .map(b -> withKind(budgetObject(b), "policy/v1", "PodDisruptionBudget"));
    }

    // ---- writes ------------------------------------------------------------------------------------------------

    synchronized ObjectNode patchNode(String name, PatchType type, JsonNode patch) {
        settle();
        ObjectNode current = nodes.get(name);
        if (current == null) {
            throw ApiError.notFound("nodes", name);
        }
        JsonNode expectedVersion = patch.path("metadata").path("resourceVersion");
        if (type != PatchType.JSON_PATCH && expectedVersion.isTextual()
                && !expectedVersion.asText().equals(current.path("metadata").path("resourceVersion").asText())) {
            throw ApiError.conflict("nodes", name);
        }
        JsonNode patched = type.apply(current, patch);
        if (!(patched instanceof ObjectNode patchedNode)) {
            throw ApiError.badRequest("the patch did not produce a Node object");
        }
        return storeNode(name, current, patchedNode);
    }

    synchronized ObjectNode updateNode(String name, JsonNode body) {
        settle();
        ObjectNode current = nodes.get(name);
        if (current == null) {
            throw ApiError.notFound("nodes", name);
        }
        if (!(body instanceof ObjectNode replacement)) {
            throw ApiError.badRequest("the request body is not a Node object");
        }
        String bodyName = replacement.path("metadata").path("name").asText("");
        if (!bodyName.equals(name)) {
            throw ApiError.badRequest("the name of the object (" + bodyName + ") does not match the name on the URL ("
                    + name + ")");
        }
        JsonNode version = replacement.path("metadata").path("resourceVersion");
        if (version.isTextual() && !version.asText().equals(current.path("metadata").path("resourceVersion").asText())) {
            throw ApiError.conflict("nodes", name);
        }
        return storeNode(name, current, replacement.deepCopy());
    }

    /** Keeps the fields the server owns, and advances the resourceVersion only when something changed. */
    private ObjectNode storeNode(String name, ObjectNode current, ObjectNode next) {
        next.remove("kind");
        next.remove("apiVersion");
        ObjectNode metadata = next.with("metadata");
        ObjectNode currentMetadata = (ObjectNode) current.get("metadata");
        for (String owned : List.of("name", "uid", "creationTimestamp", "resourceVersion")) {
            metadata.set(owned, currentMetadata.get(owned));
        }
        OmitEmpty.node(next);
        if (!next.equals(current)) {
            nodes.put(name, stamp(next));
        }
        return withKind(nodes.get(name), "v1", "Node");
    }

    /** POST of a ReplicaSet or StatefulSet: the controller creates its pods at once (the scheduler binds them). */
    synchronized ObjectNode createWorkload(OwnerKind kind, String namespace, JsonNode body) {
        settle();
        Instant now = clock.instant();
        Workload workload = Workload.created(kind, namespace, body, now);
        String name = workload.spec.name();
        if (workloads.containsKey(workload.key()) || controllers.containsKey(controllerKey(kind, namespace, name))) {
            throw ApiError.alreadyExists("apps", kind.name().toLowerCase(java.util.Locale.ROOT) + "s", name);
        }
        workloads.put(workload.key(), workload);
        resourceVersion++;
        for (int i = 0; i < workload.spec.replicas(); i++) {
            createPod(workload, workload.podName(i), now, now);
        }
        settle();
        return workloadObject(workload);
    }

    /** DELETE of a ReplicaSet or StatefulSet: background propagation, its pods are deleted gracefully and not replaced. */
    synchronized ObjectNode deleteWorkload(OwnerKind kind, String namespace, String name) {
        settle();
        Workload workload = workloads.remove(Workload.key(kind, namespace, name));
        if (workload == null) {
            throw ApiError.notFound("apps", kind.name().toLowerCase(java.util.Locale.ROOT) + "s", name);
        }
        ObjectNode last = workloadObject(workload);
        for (PodEntry entry : List.copyOf(pods.values())) {
            if (owner(entry) == null && entry.spec.owner() != null && entry.spec.owner().kind() == kind
                    && entry.spec.namespace().equals(namespace) && entry.spec.owner().name().equals(name)) {
                startDeletion(entry, null);
            }
        }
        resourceVersion++;
        return last;
    }

    /** DELETE of a pod: graceful (deletionTimestamp, gone after the grace) unless terminal, unscheduled or grace 0. */
    synchronized ObjectNode deletePod(String namespace, String name, DeleteOptions options) {
        settle();
        PodEntry entry = pods.get(namespace + "/" + name);
        if (entry == null) {
            throw ApiError.notFound("pods", name);
        }
        options.checkPreconditions(entry.object, "pods");
        startDeletion(entry, options.gracePeriodSeconds());
        ObjectNode answer = withKind(entry.object, "v1", "Pod");
        settle();
        return answer;
    }

    /**
     * POST pods/eviction: 201 and a graceful deletion when no PodDisruptionBudget forbids it, 429 when one does,
     * 404 when the pod does not exist. Terminal, pending and already-terminating pods ignore budgets, as upstream.
     * Delete preconditions (uid, resourceVersion) are checked when deleting, after the budgets: a mismatch is a 409.
     */
    synchronized void evict(String namespace, String name, DeleteOptions options) {
        settle();
        String key = namespace + "/" + name;
        PodEntry entry = pods.get(key);
        if (entry == null) {
            evictions.add(key + " 404");
            throw ApiError.notFound("pods", name);
        }
        try {
            checkBudgets(entry.object);
            options.checkPreconditions(entry.object, "pods");
        } catch (ApiError e) {
            evictions.add(key + " " + e.code());
            throw e;
        }
        boolean wasHealthy = ApiObjects.isReady(entry.object) && !ApiObjects.isDeleting(entry.object);
        startDeletion(entry, options.gracePeriodSeconds());
        evictions.add(key + " 201");
        if (entry.spec.owner() != null) {
            evictionsPerWorkload.merge(Workload.key(entry.spec.owner().kind(), namespace, entry.spec.owner().name()), 1,
                    Integer::sum);
        }
        if (wasHealthy) {
            for (DisruptionBudget budget : budgets.values()) {
                DisruptionBudget.Status status = budgetStatus(budget);
                if (budget.covers(entry.object) && status.currentHealthy() < status.desiredHealthy()) {
                    budgetViolations++;
                }
            }
        }
        settle();
    }

    private void checkBudgets(ObjectNode pod) {
        String phase = ApiObjects.phase(pod);
        if (ApiObjects.isDeleting(pod) || phase.equals("Succeeded") || phase.equals("Failed") || phase.equals("Pending")) {
            return;
        }
        List<DisruptionBudget> covering = budgets.values().stream().filter(b -> b.covers(pod)).toList();
        if (covering.isEmpty()) {
            return;
        }
        if (covering.size() > 1) {
            throw ApiError.multipleBudgets();
        }
        DisruptionBudget budget = covering.getFirst();
        DisruptionBudget.Status status = budgetStatus(budget);
        boolean healthyBudget = status.currentHealthy() >= status.desiredHealthy() && status.desiredHealthy() > 0;
        if (!ApiObjects.isReady(pod) && healthyBudget) {
            return;
        }
        if (status.disruptionsAllowed() == 0) {
            throw ApiError.disruptionBudgetViolated(budget.spec().name(), status.desiredHealthy(), status.currentHealthy());
        }
    }

    private void startDeletion(PodEntry entry, Integer gracePeriodSeconds) {
        Instant now = clock.instant();
        Workload workload = owner(entry);
        if (workload != null && workload.kind == OwnerKind.ReplicaSet && !ApiObjects.isDeleting(entry.object)) {
            // a terminating pod is no longer active: the ReplicaSet controller replaces it at once (after the delay)
            workload.owedPods.add(now.plusSeconds(workload.spec.recreateAfterSeconds()));
        }
        int grace = gracePeriodSeconds != null ? gracePeriodSeconds : entry.spec.terminationGracePeriodSeconds();
        String phase = ApiObjects.phase(entry.object);
        boolean immediate = grace == 0 || entry.nodeName.isEmpty() || phase.equals("Succeeded") || phase.equals("Failed");
        if (immediate && !entry.spec.stuckTerminating()) {
            remove(entry);
            return;
        }
        Instant deadline = now.plusSeconds(grace);
        if (entry.object.path("metadata").has("deletionTimestamp")) {
            // A repeated delete may shorten the grace, never extend it (as the API server does).
            if (entry.goneAt == null || !deadline.isBefore(entry.goneAt)) {
                return;
            }
        }
        ((ObjectNode) changing(entry).get("metadata")).put("deletionTimestamp", Json.time(deadline))
                .put("deletionGracePeriodSeconds", grace);
        stamp(entry.object);
        if (!entry.spec.stuckTerminating()) {
            entry.goneAt = deadline;
            scripted.add(entry);
        }
    }

    // ---- scripted changes --------------------------------------------------------------------------------------

    /** Applies every scripted change that is due at the clock's current instant. */
    private void settle() {
        Instant now = clock.instant();
        settleNodesAndVolumes(now);
        settlePods(now);
        if (!workloads.isEmpty()) {
            settleWorkloads(now);
        }
    }

    private void settlePods(Instant now) {
        if (scripted.isEmpty()) {
            return;
        }
        for (Iterator<PodEntry> it = scripted.iterator(); it.hasNext(); ) {
            PodEntry entry = it.next();
            // the kubelet confirms a graceful deletion; with the node not Ready nobody does, and the pod stays Terminating
            if (entry.goneAt != null && !now.isBefore(entry.goneAt) && kubeletResponding(entry.nodeName)) {
                it.remove();
                remove(entry);
                continue;
            }
            if (entry.readyAt != null && !now.isBefore(entry.readyAt)) {
                entry.readyAt = null;
                if (ApiObjects.phase(entry.object).equals("Running")) {
                    setReady(entry, true);
                }
            }
            boolean finishedByTime = entry.finishesAt != null && !now.isBefore(entry.finishesAt);
            boolean finishedByPolls = entry.finishesAfterPolls != null
                    && nodePolls.getOrDefault(entry.nodeName, 0) >= entry.finishesAfterPolls;
            if (finishedByTime || finishedByPolls) {
                entry.finishesAt = null;
                entry.finishesAfterPolls = null;
                finish(entry, now);
            }
            if (!entry.hasScriptedChanges()) {
                it.remove();
            }
        }
    }

    /** The workload controller and the scheduler: create the replacements that are due, then bind what waits. */
    private void settleWorkloads(Instant now) {
        for (Workload workload : workloads.values()) {
            for (Iterator<Instant> it = workload.owedPods.iterator(); it.hasNext(); ) {
                Instant due = it.next();
                if (!now.isBefore(due)) {
                    it.remove();
                    createPod(workload, workload.podName(0), due, now);
                }
            }
            for (Iterator<Map.Entry<Integer, Instant>> it = workload.owedOrdinals.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<Integer, Instant> due = it.next();
                if (!now.isBefore(due.getValue())) {
                    it.remove();
                    createPod(workload, workload.podName(due.getKey()), due.getValue(), now);
                }
            }
        }
        for (PodEntry entry : List.copyOf(unscheduled)) {
            schedule(entry, now);
        }
    }

    /** A new Pending pod of the workload, created at {@code created}; the scheduler binds it at once if a node fits. */
    private void createPod(Workload workload, String name, Instant created, Instant now) {
        while (workload.kind == OwnerKind.ReplicaSet && pods.containsKey(workload.spec.namespace() + "/" + name)) {
            name = workload.podName(0);
        }
        PodSpec spec = workload.podSpec(name, null);
        String uid = ApiObjects.uid("Pod", spec.namespace(), name + "#" + podIncarnations++);
        PodEntry entry = new PodEntry(spec, stamp(workload.podObject(spec, created, false, uid)));
        markUnschedulable(entry, created);
        add(entry);
        unscheduled.add(entry);
        schedule(entry, created.isAfter(now) ? now : created);
    }

    private void markUnschedulable(PodEntry entry, Instant since) {
        for (JsonNode c : entry.object.path("status").path("conditions")) {
            if ("PodScheduled".equals(c.path("type").asText())) {
                ((ObjectNode) c).put("reason", "Unschedulable").put("message", "0/" + nodes.size()
                        + " nodes are available: no Ready, schedulable node without an untolerated taint.")
                        .put("lastTransitionTime", Json.time(since));
            }
        }
    }

    /** Binds a Pending managed pod to the least-loaded node that fits: it runs, and is Ready after the readiness delay. */
    private void schedule(PodEntry pending, Instant at) {
        Workload workload = owner(pending);
        if (workload == null || pods.get(pending.key) != pending || ApiObjects.isDeleting(pending.object)) {
            unscheduled.remove(pending);
            return;
        }
        Optional<String> node = Scheduler.place(pending.object, nodes.values(), this::load);
        if (node.isEmpty()) {
            return;
        }
        unscheduled.remove(pending);
        unlink(pending);
        PodSpec spec = workload.podSpec(pending.spec.name(), node.get());
        Instant created = Instant.parse(pending.object.path("metadata").path("creationTimestamp").asText());
        Instant readyAt = at.plusSeconds(workload.spec.readyAfterSeconds());
        boolean readyNow = !clock.instant().isBefore(readyAt);
        ObjectNode object = workload.podObject(spec, created, readyNow,
                pending.object.path("metadata").path("uid").asText());
        ObjectNode status = (ObjectNode) object.get("status");
        status.put("startTime", Json.time(at));
        for (JsonNode c : status.path("conditions")) {
            ((ObjectNode) c).put("lastTransitionTime", Json.time("Ready".equals(c.path("type").asText()) && readyNow
                    ? readyAt : at));
        }
        PodEntry bound = new PodEntry(spec, stamp(object));
        if (!readyNow) {
            bound.readyAt = readyAt;
        }
        add(bound);
    }

    /** The pods a node runs or is still terminating (finished pods free their place). */
    private int load(String nodeName) {
        int load = 0;
        for (PodEntry entry : podsByNode.getOrDefault(nodeName, new TreeMap<>()).values()) {
            String phase = ApiObjects.phase(entry.object);
            if (!phase.equals("Succeeded") && !phase.equals("Failed")) {
                load++;
            }
        }
        return load;
    }

    /** The managed workload that controls the pod, or null (no owner, or an owner the emulator only serves). */
    private Workload owner(PodEntry entry) {
        if (entry.spec.owner() == null || entry.spec.mirror()) {
            return null;
        }
        return workloads.get(Workload.key(entry.spec.owner().kind(), entry.spec.namespace(), entry.spec.owner().name()));
    }

    private ObjectNode workloadObject(Workload workload) {
        List<JsonNode> owned = new ArrayList<>();
        for (PodEntry entry : inNamespace(workload.spec.namespace()).values()) {
            if (owner(entry) == workload) {
                owned.add(entry.object);
            }
        }
        return workload.toJson(owned, resourceVersion);
    }

    private void settleNodesAndVolumes(Instant now) {
        for (Iterator<Map.Entry<String, Instant>> it = nodesGoingNotReady.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Instant> due = it.next();
            if (!now.isBefore(due.getValue())) {
                it.remove();
                storeReady(due.getKey(), nodes.get(due.getKey()), false);
            }
        }
        for (Iterator<Map.Entry<String, Instant>> it = detachments.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Instant> due = it.next();
            if (!now.isBefore(due.getValue())) {
                it.remove();
                volumeAttachments.remove(due.getKey());
                resourceVersion++;
            }
        }
    }

    /** The node's Ready condition as the kubelet (True) or the node lifecycle controller (Unknown) writes it. */
    private void storeReady(String name, ObjectNode node, boolean ready) {
        ObjectNode next = node.deepCopy();
        String now = Json.time(clock.instant());
        for (JsonNode c : next.path("status").path("conditions")) {
            if ("Ready".equals(c.path("type").asText())) {
                ObjectNode condition = (ObjectNode) c;
                if (ready != "True".equals(condition.path("status").asText())) {
                    condition.put("lastTransitionTime", now);
                }
                if (ready) {
                    condition.put("status", "True").put("reason", "KubeletReady")
                            .put("message", "kubelet is posting ready status").put("lastHeartbeatTime", now);
                } else {
                    condition.put("status", "Unknown").put("reason", "NodeStatusUnknown")
                            .put("message", "Kubelet stopped posting node status.");
                }
            }
        }
        if (!next.equals(node)) {
            nodes.put(name, stamp(next));
        }
    }

    /** Whether a kubelet is there to confirm a deletion: an unscheduled pod needs none. */
    private boolean kubeletResponding(String nodeName) {
        if (nodeName.isEmpty()) {
            return true;
        }
        ObjectNode node = nodes.get(nodeName);
        return node == null || ApiObjects.isReady(node);
    }

    private void setReady(PodEntry entry, boolean ready) {
        changing(entry);
        for (JsonNode c : entry.object.path("status").path("conditions")) {
            if ("Ready".equals(c.path("type").asText())) {
                ((ObjectNode) c).put("status", ready ? "True" : "False").put("lastTransitionTime", Json.time(clock.instant()));
            }
        }
        for (JsonNode cs : entry.object.path("status").path("containerStatuses")) {
            ((ObjectNode) cs).put("ready", ready);
        }
        stamp(entry.object);
    }

    private void finish(PodEntry entry, Instant now) {
        ObjectNode status = (ObjectNode) changing(entry).get("status");
        status.put("phase", Phase.Succeeded.name());
        status.putArray("containerStatuses").add(ApiObjects.containerStatus(Phase.Succeeded, false, Json.time(now)));
        setReady(entry, false);
    }

    // ---- storage helpers ---------------------------------------------------------------------------------------

    /** Replaces the entry's object by a copy to change (answers being written may still hold the old one). */
    private static ObjectNode changing(PodEntry entry) {
        entry.object = entry.object.deepCopy();
        entry.json = null;
        return entry.object;
    }

    private void add(PodEntry entry) {
        pods.put(entry.key, entry);
        podsByNode.computeIfAbsent(entry.nodeName, n -> new TreeMap<>()).put(entry.key, entry);
        if (entry.hasScriptedChanges()) {
            scripted.add(entry);
        }
    }

    private void remove(PodEntry entry) {
        Workload workload = owner(entry);
        if (workload != null && workload.kind == OwnerKind.StatefulSet && workload.ordinal(entry.spec.name()) >= 0) {
            // the StatefulSet controller recreates an ordinal only once the old pod is gone
            Instant now = clock.instant();
            Instant gone = entry.goneAt != null && entry.goneAt.isBefore(now) ? entry.goneAt : now;
            workload.owedOrdinals.put(workload.ordinal(entry.spec.name()),
                    gone.plusSeconds(workload.spec.recreateAfterSeconds()));
        }
        unlink(entry);
    }

    private void unlink(PodEntry entry) {
        unscheduled.remove(entry);
        pods.remove(entry.key);
        scripted.remove(entry);
        TreeMap<String, PodEntry> onNode = podsByNode.get(entry.nodeName);
        if (onNode != null) {
            onNode.remove(entry.key);
        }
        resourceVersion++;
    }

    private SortedMap<String, PodEntry> inNamespace(String namespace) {
        // keys are "namespace/name"; '0' is the character after '/', so this is exactly the namespace's range
        return pods.subMap(namespace + "/", namespace + "0");
    }

    private List<ObjectNode> namespacePods(String namespace) {
        return inNamespace(namespace).values().stream().map(e -> e.object).toList();
    }

    private DisruptionBudget.Status budgetStatus(DisruptionBudget budget) {
        return budget.status(namespacePods(budget.spec().namespace()), Workload.scales(workloads.values()));
    }

    private ObjectNode budgetObject(DisruptionBudget budget) {
        DisruptionBudget.Status status = budgetStatus(budget);
        ObjectNode pdb = ApiObjects.podDisruptionBudget(budget.spec(), start.minusSeconds(3600), status);
        ((ObjectNode) pdb.get("metadata")).put("resourceVersion", Long.toString(resourceVersion));
        return pdb;
    }

    private ObjectNode stamp(ObjectNode object) {
        ((ObjectNode) object.get("metadata")).put("resourceVersion", Long.toString(++resourceVersion));
        return object;
    }

    private static String controllerKey(OwnerKind kind, String namespace, String name) {
        return kind.name() + "/" + namespace + "/" + name;
    }

    /** A copy with kind and apiVersion first, as a GET returns it (list items carry neither). */
    private static ObjectNode withKind(ObjectNode object, String apiVersion, String kind) {
        ObjectNode copy = Json.object().put("kind", kind).put("apiVersion", apiVersion);
        copy.setAll(object.deepCopy());
        return copy;
    }

    private ObjectNode list(String apiVersion, String kind, ArrayNode items) {
        ObjectNode list = Json.object().put("kind", kind).put("apiVersion", apiVersion);
        list.putObject("metadata").put("resourceVersion", Long.toString(resourceVersion));
        list.set("items", items);
        return list;
    }
}
