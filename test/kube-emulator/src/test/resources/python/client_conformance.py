"""Drives the official Kubernetes Python client against the emulator and prints what it observed as JSON.

Usage: python3 client_conformance.py KUBECONFIG
Every call goes through the client's generated API classes, so each response is deserialized into the client's
models (V1PodList, V1Node, V1PodDisruptionBudget, ...) or raised as an ApiException, as against a real cluster.
The JUnit test asserts on the printed report.
"""
import json
import sys

from kubernetes import client, config
from kubernetes.client.rest import ApiException


def names(pod_list):
    return ["%s/%s" % (p.metadata.namespace, p.metadata.name) for p in pod_list.items]


def failure(call):
    try:
        call()
        return {"status": None}
    except ApiException as e:
        body = json.loads(e.body)
        return {"status": e.status, "reason": body.get("reason"), "message": body.get("message"),
                "causes": [c.get("reason") for c in (body.get("details") or {}).get("causes", [])]}


def eviction(namespace, name):
    return client.V1Eviction(metadata=client.V1ObjectMeta(name=name, namespace=namespace))


def main(kubeconfig):
    api_client = config.new_client_from_config(config_file=kubeconfig)
    core = client.CoreV1Api(api_client)
    policy = client.PolicyV1Api(api_client)
    report = {}

    report["podsOnNode1"] = names(core.list_pod_for_all_namespaces(field_selector="spec.nodeName=node-1"))
    report["webPodsByLabel"] = names(core.list_namespaced_pod("web", label_selector="app in (web),tier!=cache"))
    report["runningBatchPods"] = names(core.list_namespaced_pod(
        "batch", field_selector="status.phase=Running", label_selector="app"))
    report["badFieldSelector"] = failure(lambda: core.list_pod_for_all_namespaces(field_selector="spec.host=x"))

    node = core.read_node("node-1")
    report["node"] = {
        "providerID": node.spec.provider_id,
        "hostnameLabel": node.metadata.labels["kubernetes.io/hostname"],
        "ready": [c.status for c in node.status.conditions if c.type == "Ready"][0],
        "kubeletVersion": node.status.node_info.kubelet_version,
    }
    patched = core.patch_node("node-1", {"spec": {"unschedulable": True},
                                         "metadata": {"annotations": {"example.com/drained-by": "python"}}})
    report["patchedNode"] = {
        "unschedulable": patched.spec.unschedulable,
        "annotation": patched.metadata.annotations.get("example.com/drained-by"),
        "resourceVersionAdvanced": int(patched.metadata.resource_version) > int(node.metadata.resource_version),
    }

    pod = core.read_namespaced_pod("web-a", "web")
    report["pod"] = {
        "nodeName": pod.spec.node_name,
        "phase": pod.status.phase,
        "ownerKind": pod.metadata.owner_references[0].kind,
        "ready": [c.status for c in pod.status.conditions if c.type == "Ready"][0],
        "containerReady": pod.status.container_statuses[0].ready,
    }
    pdb = policy.read_namespaced_pod_disruption_budget("web", "web")
    report["budget"] = {
        "maxUnavailable": pdb.spec.max_unavailable,
        "disruptionsAllowed": pdb.status.disruptions_allowed,
        "currentHealthy": pdb.status.current_healthy,
        "desiredHealthy": pdb.status.desired_healthy,
        "expectedPods": pdb.status.expected_pods,
    }
    report["budgetsListed"] = [b.metadata.name for b in policy.list_pod_disruption_budget_for_all_namespaces().items]

    report["blockedEviction"] = failure(lambda: core.create_namespaced_pod_eviction("web-a", "web", eviction("web", "web-a")))
    core.create_namespaced_pod_eviction("worker-1", "batch", eviction("batch", "worker-1"))
    evicted = core.read_namespaced_pod("worker-1", "batch")
    report["evictedPod"] = {
        "deletionTimestamp": evicted.metadata.deletion_timestamp.isoformat(),
        "deletionGracePeriodSeconds": evicted.metadata.deletion_grace_period_seconds,
    }
    report["missingEviction"] = failure(lambda: core.create_namespaced_pod_eviction("ghost", "batch", eviction("batch", "ghost")))
    report["missingPod"] = failure(lambda: core.read_namespaced_pod("ghost", "batch"))

    apps = client.AppsV1Api(api_client)
    replica_set = apps.read_namespaced_replica_set("shop", "shop")
    report["replicaSet"] = {
        "replicas": replica_set.spec.replicas,
        "readyReplicas": replica_set.status.ready_replicas,
        "selector": replica_set.spec.selector.match_labels,
    }
    report["statefulSetsListed"] = [s.metadata.name for s in apps.list_stateful_set_for_all_namespaces().items]
    shop_pod = core.list_namespaced_pod("shop", label_selector="app=shop").items[0].metadata.name
    core.create_namespaced_pod_eviction(shop_pod, "shop", eviction("shop", shop_pod))
    report["shopPodsAfterEviction"] = sorted(
        "%s %s" % ("Terminating" if p.metadata.deletion_timestamp else p.status.phase, p.spec.node_name)
        for p in core.list_namespaced_pod("shop", label_selector="app=shop").items)

    anonymous = client.ApiClient(configuration=api_client.configuration)
    anonymous.configuration = client.Configuration()
    anonymous.configuration.host = api_client.configuration.host
    anonymous.configuration.ssl_ca_cert = api_client.configuration.ssl_ca_cert
    report["withoutToken"] = failure(lambda: client.CoreV1Api(anonymous).list_node())

    json.dump(report, sys.stdout, indent=2, sort_keys=True)


if __name__ == "__main__":
    main(sys.argv[1])
