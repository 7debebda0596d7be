package dev.gracefulworker.cdk;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class RbacManifestTest {

    private static final Pattern RULE = Pattern.compile(
            "resources: \\[\"([^\"]+)\"]\\s*\\n\\s*verbs: \\[([^]]+)]");

    @Test
    void clusterRole_grantsExactlyWhatTheTasksUse() throws Exception {
        var rules = new ArrayList<String>();
        var matcher = RULE.matcher(manifest());
        while (matcher.find()) {
            rules.add(matcher.group(1) + " " + matcher.group(2).replace("\"", "").replace(" ", ""));
        }

        assertThat(rules).containsExactly("nodes get,list,patch", "pods get,list", "pods/eviction create",
                "volumeattachments list", "poddisruptionbudgets list");
    }

    @Test
    void forceDeleteManifest_grantsOnlyPodDeletion_toTheSameGroup() throws Exception {
        String manifest = Files.readString(Path.of("rbac/graceful-worker-terminator-force-delete-rbac.yaml"));
        var rules = new ArrayList<String>();
        var matcher = RULE.matcher(manifest);
        while (matcher.find()) {
            rules.add(matcher.group(1) + " " + matcher.group(2).replace("\"", "").replace(" ", ""));
        }

        assertThat(rules).containsExactly("pods delete");
        assertThat(manifest.lines().map(String::strip).toList()).containsSubsequence("kind: ClusterRoleBinding",
                "kind: Group", "name: " + DeploymentConfig.DEFAULT_KUBERNETES_GROUP);
    }

    @Test
    void binding_namesTheGroupTheAccessEntryMapsTheTaskRoleTo() throws Exception {
        List<String> lines = manifest().lines().map(String::strip).toList();

        assertThat(lines).containsSubsequence("kind: ClusterRoleBinding", "kind: Group",
                "name: " + DeploymentConfig.DEFAULT_KUBERNETES_GROUP);
    }

    private static String manifest() throws Exception {
        return Files.readString(Path.of(System.getProperty("rbac.manifest", "rbac/graceful-worker-terminator-rbac.yaml")));
    }
}
