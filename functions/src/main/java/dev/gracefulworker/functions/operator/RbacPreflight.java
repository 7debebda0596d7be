package dev.gracefulworker.functions.operator;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.AuthorizationV1Api;
import io.kubernetes.client.openapi.models.V1ResourceAttributes;
import io.kubernetes.client.openapi.models.V1SelfSubjectAccessReview;
import io.kubernetes.client.openapi.models.V1SelfSubjectAccessReviewSpec;
import io.kubernetes.client.openapi.models.V1SubjectAccessReviewStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * The RBAC is applied: for each thing the functions do ({@link KubernetesPermission#FUNCTIONS_NEED}), a
 * SelfSubjectAccessReview asked as the functions' identity says allowed. The caller hands in a client that is that
 * identity: the kubeconfig secret's own credentials, or the operator's impersonating the functions' user and group.
 */
final class RbacPreflight {

    private final ApiClient client;
    private final String identity;
    private final String fix;

    /**
     * @param client   a client that asks as the functions
     * @param identity who that is, for the output
     * @param fix      what to do when a permission is missing
     */
    RbacPreflight(ApiClient client, String identity, String fix) {
        this.client = client;
        this.identity = identity;
        this.fix = fix;
    }

    List<CheckResult> check() {
        var results = new ArrayList<CheckResult>();
        var api = new AuthorizationV1Api(client);
        for (KubernetesPermission permission : KubernetesPermission.FUNCTIONS_NEED) {
            String subject = "RBAC: " + permission.describe();
            try {
                V1SubjectAccessReviewStatus status = api.createSelfSubjectAccessReview(review(permission)).execute()
                        .getStatus();
                if (status != null && Boolean.TRUE.equals(status.getAllowed())) {
                    results.add(CheckResult.pass(subject, "allowed for " + identity));
                } else {
                    results.add(CheckResult.fail(subject, "denied for " + identity + " (needed to " + permission.why()
                            + ")", fix));
                }
            } catch (ApiException e) {
                results.add(CheckResult.fail(subject, "the access review failed: HTTP " + e.getCode() + " "
                        + firstLine(e.getResponseBody(), e.getMessage()), e.getCode() == 403
                        ? "run preflight as a cluster administrator (it impersonates the functions' identity)"
                        : "check the cluster endpoint and your access to it"));
                break;
            }
        }
        return results;
    }

    private static V1SelfSubjectAccessReview review(KubernetesPermission permission) {
        var attributes = new V1ResourceAttributes().verb(permission.verb()).group(permission.group())
                .resource(permission.resource());
        if (!permission.subresource().isEmpty()) {
            attributes.subresource(permission.subresource());
        }
        return new V1SelfSubjectAccessReview().apiVersion("authorization.k8s.io/v1").kind("SelfSubjectAccessReview")
                .spec(new V1SelfSubjectAccessReviewSpec().resourceAttributes(attributes));
    }

    private static String firstLine(String body, String fallback) {
        String text = body == null || body.isBlank() ? fallback : body;
        return text == null ? "" : text.lines().findFirst().orElse("");
    }
}
