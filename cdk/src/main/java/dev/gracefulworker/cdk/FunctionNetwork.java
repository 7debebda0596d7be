package dev.gracefulworker.cdk;

import java.util.List;

/**
 * The VPC placement of the functions, for clusters with a private endpoint.
 *
 * @param vpcId            the VPC
 * @param subnetIds        private subnets with a route to the cluster endpoint and the AWS APIs
 * @param securityGroupIds security groups to attach; empty = a new one that allows all outbound traffic
 */
public record FunctionNetwork(String vpcId, List<String> subnetIds, List<String> securityGroupIds) {

    public FunctionNetwork {
        subnetIds = List.copyOf(subnetIds);
        securityGroupIds = List.copyOf(securityGroupIds);
    }
}
