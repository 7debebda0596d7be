package dev.gracefulworker.functions.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AwsEndpointsTest {

    @Test
    void ec2Endpoint_followsThePartition() {
        assertThat(AwsEndpoints.ec2("eu-west-1")).hasToString("https://ec2.eu-west-1.amazonaws.com");
        assertThat(AwsEndpoints.ec2("cn-north-1")).hasToString("https://ec2.cn-north-1.amazonaws.com.cn");
    }
}
