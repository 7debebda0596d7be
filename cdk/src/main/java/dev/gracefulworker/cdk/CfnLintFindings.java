package dev.gracefulworker.cdk;

import software.amazon.awscdk.CfnResource;
import software.constructs.IConstruct;

import java.util.List;
import java.util.Map;

/**
 * The cfn-lint warnings this stack accepts, each on the resource it concerns, with its reason here and in
 * cdk/README.md (cfn-lint's resource metadata has no field for a reason). The tests run cfn-lint on the synthesized
 * templates and allow no other finding.
 */
final class CfnLintFindings {

    private CfnLintFindings() {
    }

    /**
     * W3005 "dependency already enforced by a GetAtt": CDK writes {@code DependsOn} on a function's (or state
     * machine's) role together with the role's default policy, so the resource is created only once its
     * permissions exist. The policy is the dependency that matters; the role's is redundant and harmless, and CDK
     * gives no way to drop only that one.
     */
    static void roleDependencyWrittenByCdk(IConstruct construct) {
        ignore(construct, "W3005");
    }

    private static void ignore(IConstruct construct, String rule) {
        var resource = (CfnResource) construct.getNode().getDefaultChild();
        resource.addMetadata("cfn-lint", Map.of("config", Map.of("ignore_checks", List.of(rule))));
    }
}
