package dev.gracefulworker.emulator.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * RBAC authorization as kube-apiserver's RBAC authorizer decides it, from applied manifests of ClusterRole,
 * ClusterRoleBinding, Role and RoleBinding objects. {@code system:masters} is allowed everything (the API server's
 * privileged group). Not emulated: aggregated ClusterRoles, {@code nonResourceURLs}, ServiceAccount subjects.
 */
final class Rbac {

    /** What a SelfSubjectAccessReview asks about ({@code spec.resourceAttributes}). */
    record Attributes(String verb, String group, String resource, String subresource, String namespace, String name) {

        static Attributes from(JsonNode resourceAttributes) {
            return new Attributes(text(resourceAttributes, "verb"), text(resourceAttributes, "group"),
                    text(resourceAttributes, "resource"), text(resourceAttributes, "subresource"),
                    text(resourceAttributes, "namespace"), text(resourceAttributes, "name"));
        }

        String resourcePath() {
            return subresource.isEmpty() ? resource : resource + "/" + subresource;
        }

        private static String text(JsonNode node, String field) {
            return node.path(field).asText("");
        }
    }

    /** The answer: allowed or not, and the reason the RBAC authorizer gives for an allow. */
    record Decision(boolean allowed, String reason) {}

    private record Rule(List<String> apiGroups, List<String> resources, List<String> verbs, List<String> resourceNames) {

        boolean matches(Attributes request) {
            return (apiGroups.contains("*") || apiGroups.contains(request.group()))
                    && (resources.contains("*") || resources.contains(request.resourcePath())
                        || !request.subresource().isEmpty() && resources.contains(request.resource() + "/*"))
                    && (verbs.contains("*") || verbs.contains(request.verb()))
                    && (resourceNames.isEmpty() || resourceNames.contains(request.name()));
        }
    }

    private record Subject(String kind, String name) {

        boolean covers(Identity identity) {
            return switch (kind) {
                case "User" -> identity.user().equals(name);
                case "Group" -> identity.groups().contains(name);
                default -> false;
            };
        }
    }

    /** A binding of a role to subjects; {@code namespace} is empty for a ClusterRoleBinding. */
    private record Binding(String kind, String name, String namespace, String roleKind, String roleName,
                           List<Subject> subjects) {}

    private final Map<String, List<Rule>> clusterRoles = new ConcurrentHashMap<>();
    private final Map<String, List<Rule>> roles = new ConcurrentHashMap<>();
    private final List<Binding> bindings = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Applies every object of a (multi-document) YAML or JSON manifest, as {@code kubectl apply -f} would. */
    void apply(String manifest) {
        try (MappingIterator<JsonNode> documents = Json.YAML.readerFor(JsonNode.class).readValues(manifest)) {
            while (documents.hasNext()) {
                JsonNode object = documents.next();
                if (object != null && !object.isEmpty()) {
                    applyObject(object);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("not a YAML manifest: " + e.getMessage(), e);
        }
    }

    Decision authorize(Identity identity, Attributes request) {
        if (identity.groups().contains(Identity.MASTERS)) {
            return new Decision(true, "");
        }
        for (Binding binding : bindings) {
            if (!binding.namespace().isEmpty() && !binding.namespace().equals(request.namespace())) {
                continue;
            }
            Optional<Subject> subject = binding.subjects().stream().filter(s -> s.covers(identity)).findFirst();
            if (subject.isPresent() && rules(binding).stream().anyMatch(rule -> rule.matches(request))) {
                String bindingName = binding.namespace().isEmpty() ? binding.name()
                        : binding.name() + "/" + binding.namespace();
                return new Decision(true, "RBAC: allowed by %s \"%s\" of %s \"%s\" to %s \"%s\"".formatted(
                        binding.kind(), bindingName, binding.roleKind(), binding.roleName(), subject.get().kind(),
                        subject.get().name()));
            }
        }
        return new Decision(false, "");
    }

    private List<Rule> rules(Binding binding) {
        return binding.roleKind().equals("ClusterRole")
                ? clusterRoles.getOrDefault(binding.roleName(), List.of())
                : roles.getOrDefault(binding.namespace() + "/" + binding.roleName(), List.of());
    }

    private void applyObject(JsonNode object) {
        String kind = object.path("kind").asText();
        String name = object.at("/metadata/name").asText();
        String namespace = object.at("/metadata/namespace").asText("");
        switch (kind) {
            case "ClusterRole" -> clusterRoles.put(name, rules(object));
            case "Role" -> roles.put(namespace + "/" + name, rules(object));
            case "ClusterRoleBinding", "RoleBinding" -> {
                String bindingNamespace = kind.equals("RoleBinding") ? namespace : "";
                bindings.removeIf(b -> b.kind().equals(kind) && b.name().equals(name)
                        && b.namespace().equals(bindingNamespace));
                var subjects = new ArrayList<Subject>();
                object.path("subjects").forEach(s -> subjects.add(new Subject(s.path("kind").asText(),
                        s.path("name").asText())));
                bindings.add(new Binding(kind, name, bindingNamespace, object.at("/roleRef/kind").asText(),
                        object.at("/roleRef/name").asText(), subjects));
            }
            default -> throw new IllegalArgumentException("the emulator's RBAC takes ClusterRole, ClusterRoleBinding, "
                    + "Role and RoleBinding objects, not " + kind + " " + name);
        }
    }

    private static List<Rule> rules(JsonNode role) {
        var rules = new ArrayList<Rule>();
        role.path("rules").forEach(rule -> rules.add(new Rule(texts(rule.path("apiGroups")),
                texts(rule.path("resources")), texts(rule.path("verbs")), texts(rule.path("resourceNames")))));
        return rules;
    }

    private static List<String> texts(JsonNode array) {
        var texts = new ArrayList<String>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
