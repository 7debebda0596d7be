package dev.gracefulworker.cdk;

import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.lambda.Code;

import java.util.List;
import java.util.Optional;

/**
 * What every function of the stack shares: the code, memory, log level and VPC placement.
 *
 * @param code      the functions jar
 * @param memoryMb  memory of each function
 * @param logLevel  POWERTOOLS_LOG_LEVEL
 * @param placement the VPC, subnets and security groups, if the functions run in a VPC
 */
record FunctionDefaults(Code code, int memoryMb, FunctionLogLevel logLevel, Optional<VpcPlacement> placement) {

    /** A VPC placement resolved to constructs. */
    record VpcPlacement(IVpc vpc, SubnetSelection subnets, List<ISecurityGroup> securityGroups) {
    }
}
