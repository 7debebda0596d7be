package dev.gracefulworker.emulator.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Server-side printing: the {@code meta.k8s.io/v1 Table} kubectl asks for ({@code Accept: ...;as=Table}), with the
 * columns the real server prints for nodes, pods and PodDisruptionBudgets, so {@code kubectl get} reads as usual.
 */
final class Tables {
    private Tables() {}

    /** A column: name, type, priority (0 = default output, 1 = {@code -o wide}). */
    private record Column(String name, String type, int priority, String format) {}

    private static final List<Column> NODE_COLUMNS = List.of(
            new Column("Name", "string", 0, "name"), new Column("Status", "string", 0, ""),
            new Column("Roles", "string", 0, ""), new Column("Age", "string", 0, ""),
            new Column("Version", "string", 0, ""), new Column("Internal-IP", "string", 1, ""),
            new Column("External-IP", "string", 1, ""), new Column("OS-Image", "string", 1, ""),
            new Column("Kernel-Version", "string", 1, ""), new Column("Container-Runtime", "string", 1, ""));
    private static final List<Column> POD_COLUMNS = List.of(
            new Column("Name", "string", 0, "name"), new Column("Ready", "string", 0, ""),
            new Column("Status", "string", 0, ""), new Column("Restarts", "string", 0, ""),
            new Column("Age", "string", 0, ""), new Column("IP", "string", 1, ""),
            new Column("Node", "string", 1, ""), new Column("Nominated Node", "string", 1, ""),
            new Column("Readiness Gates", "string", 1, ""));
    private static final List<Column> BUDGET_COLUMNS = List.of(
            new Column("Name", "string", 0, "name"), new Column("Min Available", "string", 0, ""),
            new Column("Max Unavailable", "string", 0, ""), new Column("Allowed Disruptions", "integer", 0, ""),
            new Column("Age", "string", 0, ""));

    private static final List<Column> VOLUME_ATTACHMENT_COLUMNS = List.of(
            new Column("Name", "string", 0, "name"), new Column("Attacher", "string", 0, ""),
            new Column("PV", "string", 0, ""), new Column("Node", "string", 0, ""),
            new Column("Attached", "boolean", 0, ""), new Column("Age", "string", 0, ""));

    private static final List<Column> REPLICA_SET_COLUMNS = List.of(
            new Column("Name", "string", 0, "name"), new Column("Desired", "integer", 0, ""),
            new Column("Current", "integer", 0, ""), new Column("Ready", "integer", 0, ""),
            new Column("Age", "string", 0, ""), new Column("Containers", "string", 1, ""),
            new Column("Images", "string", 1, ""), new Column("Selector", "string", 1, ""));
    private static final List<Column> STATEFUL_SET_COLUMNS = List.of(
            new Column("Name", "string", 0, "name"), new Column("Ready", "string", 0, ""),
            new Column("Age", "string", 0, ""), new Column("Containers", "string", 1, ""),
            new Column("Images", "string", 1, ""));

    static boolean wanted(String accept) {
        return accept != null && accept.contains("as=Table");
    }

    /** The Table for a list or a single object of a printable kind; empty for other kinds. */
    static Optional<ObjectNode> of(JsonNode listOrObject, Instant now) {
        String kind = listOrObject.path("kind").asText("");
        boolean list = kind.endsWith("List");
        String itemKind = list ? kind.substring(0, kind.length() - 4) : kind;
        List<JsonNode> items = new ArrayList<>();
        if (list) {
            listOrObject.path("items").forEach(items::add);
        } else {
            items.add(listOrObject);
        }
        List<Column> columns;
        switch (itemKind) {
            case "Node" -> columns = NODE_COLUMNS;
            case "Pod" -> columns = POD_COLUMNS;
            case "PodDisruptionBudget" -> columns = BUDGET_COLUMNS;
            case "VolumeAttachment" -> columns = VOLUME_ATTACHMENT_COLUMNS;
            case "ReplicaSet" -> columns = REPLICA_SET_COLUMNS;
            case "StatefulSet" -> columns = STATEFUL_SET_COLUMNS;
            default -> {
                return Optional.empty();
            }
        }
        ObjectNode table = Json.object().put("kind", "Table").put("apiVersion", "meta.k8s.io/v1");
        table.putObject("metadata").put("resourceVersion",
                (list ? listOrObject : listOrObject.path("metadata")).path("resourceVersion").asText(""));
        ArrayNode definitions = table.putArray("columnDefinitions");
        for (Column c : columns) {
            definitions.addObject().put("name", c.name()).put("type", c.type()).put("format", c.format())
                    .put("description", c.name()).put("priority", c.priority());
        }
        ArrayNode rows = table.putArray("rows");
        for (JsonNode item : items) {
            ObjectNode row = rows.addObject();
            ArrayNode cells = row.putArray("cells");
            switch (itemKind) {
                case "Node" -> nodeCells(cells, item, now);
                case "Pod" -> podCells(cells, item, now);
                case "VolumeAttachment" -> volumeAttachmentCells(cells, item, now);
                case "ReplicaSet", "StatefulSet" -> workloadCells(cells, item, itemKind, now);
                default -> budgetCells(cells, item, now);
            }
            ObjectNode object = row.putObject("object").put("kind", "PartialObjectMetadata")
                    .put("apiVersion", "meta.k8s.io/v1");
            object.set("metadata", item.path("metadata").deepCopy());
        }
        return Optional.of(table);
    }

    private static String age(JsonNode item, Instant now) {
        String created = item.path("metadata").path("creationTimestamp").asText(null);
        return created == null ? "<unknown>" : HumanDuration.format(Duration.between(Instant.parse(created), now));
    }

    private static void nodeCells(ArrayNode cells, JsonNode node, Instant now) {
        String ready = "Unknown";
        for (JsonNode c : node.path("status").path("conditions")) {
            if ("Ready".equals(c.path("type").asText())) {
                ready = switch (c.path("status").asText()) {
                    case "True" -> "Ready";
                    case "False" -> "NotReady";
                    default -> "Unknown";
                };
            }
        }
        if (!ready.equals("Ready") && !ready.equals("NotReady")) {
            ready = "NotReady";
        }
        String status = node.path("spec").path("unschedulable").asBoolean(false) ? ready + ",SchedulingDisabled" : ready;
        JsonNode info = node.path("status").path("nodeInfo");
        cells.add(node.path("metadata").path("name").asText()).add(status).add("<none>").add(age(node, now))
                .add(info.path("kubeletVersion").asText()).add(address(node, "InternalIP"))
                .add(address(node, "ExternalIP")).add(info.path("osImage").asText())
                .add(info.path("kernelVersion").asText()).add(info.path("containerRuntimeVersion").asText());
    }

    private static String address(JsonNode node, String type) {
        for (JsonNode a : node.path("status").path("addresses")) {
            if (type.equals(a.path("type").asText())) {
                return a.path("address").asText();
            }
        }
        return "<none>";
    }

    private static void podCells(ArrayNode cells, JsonNode pod, Instant now) {
        JsonNode statuses = pod.path("status").path("containerStatuses");
        int containers = pod.path("spec").path("containers").size();
        int ready = 0;
        String reason = pod.path("status").path("phase").asText();
        for (JsonNode cs : statuses) {
            if (cs.path("ready").asBoolean(false)) {
                ready++;
            }
            JsonNode terminated = cs.path("state").path("terminated");
            if (terminated.has("reason")) {
                reason = terminated.path("reason").asText();
            }
        }
        if (pod.path("metadata").has("deletionTimestamp")) {
            reason = "Terminating";
        }
        cells.add(pod.path("metadata").path("name").asText()).add(ready + "/" + containers).add(reason).add("0")
                .add(age(pod, now)).add(pod.path("status").path("podIP").asText("<none>"))
                .add(pod.path("spec").path("nodeName").asText("<none>")).add("<none>").add("<none>");
    }

    private static void volumeAttachmentCells(ArrayNode cells, JsonNode attachment, Instant now) {
        JsonNode spec = attachment.path("spec");
        cells.add(attachment.path("metadata").path("name").asText()).add(spec.path("attacher").asText())
                .add(spec.path("source").path("persistentVolumeName").asText(""))
                .add(spec.path("nodeName").asText()).add(attachment.path("status").path("attached").asBoolean(false))
                .add(age(attachment, now));
    }

    private static void workloadCells(ArrayNode cells, JsonNode workload, String kind, Instant now) {
        JsonNode status = workload.path("status");
        int desired = workload.path("spec").path("replicas").asInt(1);
        cells.add(workload.path("metadata").path("name").asText());
        if (kind.equals("ReplicaSet")) {
            cells.add(desired).add(status.path("replicas").asInt()).add(status.path("readyReplicas").asInt());
        } else {
            cells.add(status.path("readyReplicas").asInt() + "/" + desired);
        }
        cells.add(age(workload, now));
        List<String> names = new ArrayList<>();
        List<String> images = new ArrayList<>();
        for (JsonNode c : workload.path("spec").path("template").path("spec").path("containers")) {
            names.add(c.path("name").asText());
            images.add(c.path("image").asText());
        }
        cells.add(String.join(",", names)).add(String.join(",", images));
        if (kind.equals("ReplicaSet")) {
            List<String> selector = new ArrayList<>();
            workload.path("spec").path("selector").path("matchLabels").properties()
                    .forEach(e -> selector.add(e.getKey() + "=" + e.getValue().asText()));
            cells.add(String.join(",", selector));
        }
    }

    private static void budgetCells(ArrayNode cells, JsonNode pdb, Instant now) {
        JsonNode spec = pdb.path("spec");
        cells.add(pdb.path("metadata").path("name").asText())
                .add(spec.has("minAvailable") ? spec.path("minAvailable").asText() : "N/A")
                .add(spec.has("maxUnavailable") ? spec.path("maxUnavailable").asText() : "N/A")
                .add(pdb.path("status").path("disruptionsAllowed").asInt())
                .add(age(pdb, now));
    }
}
