package dev.gracefulworker.emulator.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gracefulworker.emulator.kube.Scenario.NodeSpec;
import dev.gracefulworker.emulator.kube.Scenario.OwnerKind;
import dev.gracefulworker.emulator.kube.Scenario.PdbSpec;
import dev.gracefulworker.emulator.kube.Scenario.Phase;
import dev.gracefulworker.emulator.kube.Scenario.PodSpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Builds API objects (v1 Node and Pod, apps/v1 controllers, policy/v1 PodDisruptionBudget) from scenario entries. */
final class ApiObjects {
    static final String MIRROR_ANNOTATION = "kubernetes.io/config.mirror";
    private static final String KUBELET_VERSION = "v1.32.9-eks-113cf36";

    private ApiObjects() {}

    /** Deterministic uids, so tests and owner references agree without a lookup. */
    static String uid(String kind, String namespace, String name) {
        return UUID.nameUUIDFromBytes((kind + "/" + namespace + "/" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }

    static ObjectNode node(NodeSpec spec, Instant created) {
        ObjectNode node = Json.object();
        ObjectNode metadata = node.putObject("metadata");
        metadata.put("name", spec.name()).put("uid", uid("Node", "", spec.name()))
                .put("creationTimestamp", Json.time(created));
        ObjectNode labels = metadata.putObject("labels");
        labels.put("kubernetes.io/arch", "amd64").put("kubernetes.io/os", "linux")
                .put("kubernetes.io/hostname", spec.name());
        spec.labels().forEach(labels::put);
        metadata.putObject("annotations").put("node.alpha.kubernetes.io/ttl", "0");
        ObjectNode nodeSpec = node.putObject("spec");
        if (spec.providerID() != null) {
            nodeSpec.put("providerID", spec.providerID());
        }
        if (spec.unschedulable()) {
            nodeSpec.put("unschedulable", true);
        }
        if (!spec.taints().isEmpty()) {
            ArrayNode taints = nodeSpec.putArray("taints");
            for (Scenario.Taint t : spec.taints()) {
                ObjectNode taint = taints.addObject().put("key", t.key());
                if (t.value() != null) {
                    taint.put("value", t.value());
                }
                taint.put("effect", t.effect());
            }
        }
        ObjectNode status = node.putObject("status");
        status.putObject("capacity").put("cpu", "2").put("memory", "8036264Ki").put("pods", "29");
        status.putObject("allocatable").put("cpu", "1930m").put("memory", "7347112Ki").put("pods", "29");
        String heartbeat = Json.time(created);
        ObjectNode ready = status.putArray("conditions").addObject().put("type", "Ready")
                .put("lastHeartbeatTime", heartbeat).put("lastTransitionTime", heartbeat);
        if (spec.ready()) {
            ready.put("status", "True").put("reason", "KubeletReady").put("message", "kubelet is posting ready status");
        } else {
            ready.put("status", "Unknown").put("reason", "NodeStatusUnknown")
                    .put("message", "Kubelet stopped posting node status.");
        }
        ArrayNode addresses = status.putArray("addresses");
        addresses.addObject().put("type", "Hostname").put("address", spec.name());
        addresses.addObject().put("type", "InternalDNS").put("address", spec.name());
        status.putObject("daemonEndpoints").putObject("kubeletEndpoint").put("Port", 10250);
        status.putObject("nodeInfo")
                .put("machineID", uid("machine", "", spec.name()).replace("-", ""))
                .put("systemUUID", uid("system", "", spec.name()))
                .put("bootID", uid("boot", "", spec.name()))
                .put("kernelVersion", "6.1.112-124.190.amzn2023.x86_64")
                .put("osImage", "Amazon Linux 2023.6.20241031")
                .put("containerRuntimeVersion", "containerd://1.7.22")
                .put("kubeletVersion", KUBELET_VERSION)
                .put("kubeProxyVersion", KUBELET_VERSION)
                .put("operatingSystem", "linux")
                .put("architecture", "amd64");
        return node;
    }

    static ObjectNode pod(PodSpec spec, Instant created, boolean readyNow) {
        ObjectNode pod = Json.object();
        ObjectNode metadata = pod.putObject("metadata");
        metadata.put("name", spec.name()).put("namespace", spec.namespace())
                .put("uid", uid("Pod", spec.namespace(), spec.name()))
                .put("creationTimestamp", Json.time(created));
        if (!spec.labels().isEmpty()) {
            ObjectNode labels = metadata.putObject("labels");
            spec.labels().forEach(labels::put);
        }
        if (!spec.annotations().isEmpty() || spec.mirror()) {
            ObjectNode annotations = metadata.putObject("annotations");
            spec.annotations().forEach(annotations::put);
            if (spec.mirror()) {
                annotations.put(MIRROR_ANNOTATION, uid("mirror", spec.namespace(), spec.name()).replace("-", ""));
                annotations.put("kubernetes.io/config.source", "file");
            }
        }
        if (spec.mirror()) {
            ownerReference(metadata, "v1", "Node", spec.node(), uid("Node", "", spec.node()));
        } else if (spec.owner() != null) {
            OwnerKind kind = spec.owner().kind();
            ownerReference(metadata, kind.apiVersion(), kind.name(), spec.owner().name(),
                    uid(kind.name(), spec.namespace(), spec.owner().name()));
        }
        ObjectNode podSpec = pod.putObject("spec");
        podSpec.putArray("containers").addObject().put("name", "main").put("image", "public.ecr.aws/docker/library/busybox:1.37")
                .put("imagePullPolicy", "IfNotPresent").put("terminationMessagePolicy", "File");
        podSpec.put("restartPolicy", spec.owner() != null && spec.owner().kind() == OwnerKind.Job ? "Never" : "Always")
                .put("terminationGracePeriodSeconds", spec.terminationGracePeriodSeconds())
                .put("dnsPolicy", "ClusterFirst")
                .put("serviceAccountName", "default")
                .put("schedulerName", "default-scheduler");
        if (spec.priorityClassName() != null) {
            podSpec.put("priorityClassName", spec.priorityClassName());
        }
        podSpec.put("priority", spec.priority());
        if (spec.emptyDir()) {
            podSpec.putArray("volumes").addObject().put("name", "scratch").putObject("emptyDir");
        }
        if (spec.node() != null) {
            podSpec.put("nodeName", spec.node());
        }
        ObjectNode status = pod.putObject("status");
        status.put("phase", spec.phase().name());
        if (spec.node() != null) {
            status.put("hostIP", "10.0.1.23").put("podIP", "10.0.1." + (Math.floorMod(spec.name().hashCode(), 200) + 30))
                    .put("startTime", Json.time(created));
        }
        String since = Json.time(created);
        ArrayNode conditions = status.putArray("conditions");
        conditions.addObject().put("type", "PodScheduled").put("status", spec.node() != null ? "True" : "False")
                .put("lastTransitionTime", since);
        conditions.addObject().put("type", "Ready").put("status", readyNow ? "True" : "False")
                .put("lastTransitionTime", since);
        if (spec.node() != null) {
            status.putArray("containerStatuses").add(containerStatus(spec.phase(), readyNow, since));
        }
        return pod;
    }

    static ObjectNode containerStatus(Phase phase, boolean ready, String since) {
        ObjectNode cs = Json.object().put("name", "main").put("image", "public.ecr.aws/docker/library/busybox:1.37")
                .put("imageID", "public.ecr.aws/docker/library/busybox@sha256:"
                        + "2919d0172f7524b2d8df9e50066a682669e6d170ac0f6a49676d54358fe970b5")
                .put("containerID", "containerd://" + "0".repeat(64))
                .put("ready", ready).put("restartCount", 0).put("started", phase == Phase.Running);
        ObjectNode state = cs.putObject("state");
        switch (phase) {
            case Pending -> state.putObject("waiting").put("reason", "ContainerCreating");
            case Running -> state.putObject("running").put("startedAt", since);
            case Succeeded, Failed -> state.putObject("terminated")
                    .put("exitCode", phase == Phase.Succeeded ? 0 : 1)
                    .put("reason", phase == Phase.Succeeded ? "Completed" : "Error")
                    .put("startedAt", since).put("finishedAt", since);
        }
        return cs;
    }

    private static void ownerReference(ObjectNode metadata, String apiVersion, String kind, String name, String uid) {
        metadata.putArray("ownerReferences").addObject().put("apiVersion", apiVersion).put("kind", kind)
                .put("name", name).put("uid", uid).put("controller", true).put("blockOwnerDeletion", true);
    }

    /** The controller object a pod's owner reference points to (apps/v1 or batch/v1), as kubectl drain reads it. */
    static ObjectNode controller(OwnerKind kind, String namespace, String name, Map<String, String> podLabels,
                                 Instant created) {
        ObjectNode controller = Json.object();
        controller.put("apiVersion", kind.apiVersion()).put("kind", kind.name());
        ObjectNode metadata = controller.putObject("metadata");
        metadata.put("name", name).put("namespace", namespace).put("uid", uid(kind.name(), namespace, name))
                .put("generation", 1).put("creationTimestamp", Json.time(created));
        ObjectNode spec = controller.putObject("spec");
        ObjectNode matchLabels = spec.putObject("selector").putObject("matchLabels");
        podLabels.forEach(matchLabels::put);
        ObjectNode template = spec.putObject("template");
        ObjectNode templateLabels = template.putObject("metadata").putObject("labels");
        podLabels.forEach(templateLabels::put);
        template.putObject("spec").putArray("containers").addObject().put("name", "main")
                .put("image", "public.ecr.aws/docker/library/busybox:1.37");
        switch (kind) {
            case ReplicaSet -> spec.put("replicas", 1);
            case StatefulSet -> spec.put("replicas", 1).put("serviceName", name);
            case DaemonSet, Job -> { }
        }
        return controller;
    }

    /** An attached CSI volume, as the attach-detach controller creates it and the CSI attacher marks it attached. */
    static ObjectNode volumeAttachment(Scenario.VolumeAttachmentSpec spec, Instant created) {
        ObjectNode attachment = Json.object();
        ObjectNode metadata = attachment.putObject("metadata");
        metadata.put("name", spec.name()).put("uid", uid("VolumeAttachment", "", spec.name()))
                .put("creationTimestamp", Json.time(created));
        metadata.putArray("finalizers").add("external-attacher/" + spec.attacher().replace('.', '-'));
        ObjectNode attachmentSpec = attachment.putObject("spec");
        attachmentSpec.put("attacher", spec.attacher()).put("nodeName", spec.node());
        attachmentSpec.putObject("source").put("persistentVolumeName", spec.persistentVolumeName());
        ObjectNode status = attachment.putObject("status");
        status.put("attached", true);
        status.putObject("attachmentMetadata").put("devicePath", "/dev/xvdaa");
        return attachment;
    }

    static ObjectNode podDisruptionBudget(PdbSpec spec, Instant created, DisruptionBudget.Status status) {
        ObjectNode pdb = Json.object();
        ObjectNode metadata = pdb.putObject("metadata");
        metadata.put("name", spec.name()).put("namespace", spec.namespace())
                .put("uid", uid("PodDisruptionBudget", spec.namespace(), spec.name()))
                .put("generation", 1).put("creationTimestamp", Json.time(created));
        ObjectNode pdbSpec = pdb.putObject("spec");
        if (spec.minAvailable() != null) {
            pdbSpec.set("minAvailable", Json.MAPPER.valueToTree(spec.minAvailable()));
        } else {
            pdbSpec.set("maxUnavailable", Json.MAPPER.valueToTree(spec.maxUnavailable()));
        }
        ObjectNode selector = pdbSpec.putObject("selector");
        if (!spec.selector().matchLabels().isEmpty()) {
            ObjectNode matchLabels = selector.putObject("matchLabels");
            spec.selector().matchLabels().forEach(matchLabels::put);
        }
        if (!spec.selector().matchExpressions().isEmpty()) {
            selector.set("matchExpressions", Json.MAPPER.valueToTree(spec.selector().matchExpressions()));
        }
        ObjectNode pdbStatus = pdb.putObject("status");
        pdbStatus.put("observedGeneration", 1)
                .put("disruptionsAllowed", status.disruptionsAllowed())
                .put("currentHealthy", status.currentHealthy())
                .put("desiredHealthy", status.desiredHealthy())
                .put("expectedPods", status.expectedPods());
        boolean allowed = status.disruptionsAllowed() > 0;
        pdbStatus.putArray("conditions").addObject().put("type", "DisruptionAllowed")
                .put("status", allowed ? "True" : "False")
                .put("reason", allowed ? "SufficientPods" : "InsufficientPods")
                .put("message", "").put("observedGeneration", 1)
                .put("lastTransitionTime", Json.time(created));
        return pdb;
    }

    static boolean isReady(JsonNode pod) {
        for (JsonNode c : pod.path("status").path("conditions")) {
            if ("Ready".equals(c.path("type").asText())) {
                return "True".equals(c.path("status").asText());
            }
        }
        return false;
    }

    static boolean isDeleting(JsonNode pod) {
        return pod.path("metadata").has("deletionTimestamp");
    }

    static String phase(JsonNode pod) {
        return pod.path("status").path("phase").asText("");
    }

    static Map<String, String> labels(JsonNode object) {
        JsonNode labels = object.path("metadata").path("labels");
        if (labels.isMissingNode() || labels.isEmpty()) {
            return Map.of();
        }
        Map<String, String> map = new HashMap<>();
        labels.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }
}
