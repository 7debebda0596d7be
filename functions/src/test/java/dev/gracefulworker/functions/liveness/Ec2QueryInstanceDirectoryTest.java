package dev.gracefulworker.functions.liveness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gracefulworker.emulator.aws.AwsCall;
import dev.gracefulworker.functions.RetryableException;
import dev.gracefulworker.functions.Wiring;
import dev.gracefulworker.functions.support.Emulated;
import dev.gracefulworker.functions.support.EmulatedWorlds;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The one EC2 call, over the EC2 Query protocol, against the emulated endpoint. */
class Ec2QueryInstanceDirectoryTest {

    private static final String INSTANCE = "i-0a1b2c3d4e5f60718";

    @RegisterExtension
    final EmulatedWorlds worlds = new EmulatedWorlds();
    private Emulated world;
    private Ec2QueryInstanceDirectory directory;

    @BeforeEach
    void start() {
        world = worlds.start("nodes: []");
        Wiring wiring = world.wiring();
        directory = new Ec2QueryInstanceDirectory(wiring.httpClient(), wiring.credentials(), Emulated.REGION,
                wiring.ec2Endpoint(), wiring.clock());
    }

    @Test
    void knownInstance_isReadWithStateZoneAndDnsName() {
        world.aws.ec2().addInstance(INSTANCE, "running", "ip-10-0-1-23.eu-west-1.compute.internal", "eu-west-1a");

        assertThat(directory.find(INSTANCE)).contains(
                new InstanceInfo(INSTANCE, "running", "eu-west-1a", "ip-10-0-1-23.eu-west-1.compute.internal"));
    }

    @Test
    void request_isASignedDescribeInstancesForThatOneInstance() {
        directory.find(INSTANCE);

        AwsCall call = world.aws.calls("DescribeInstances").getFirst();
        assertThat(call.service()).isEqualTo("ec2");
        assertThat(call.params()).containsEntry("InstanceId.1", INSTANCE);
    }

    @Test
    void request_carriesASigV4SignatureForEc2InTheRegion() throws Exception {
        java.util.concurrent.atomic.AtomicReference<String> authorization = new java.util.concurrent.atomic.AtomicReference<>();
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = "<DescribeInstancesResponse><reservationSet/></DescribeInstancesResponse>".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            Wiring wiring = world.wiring();
            URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
            new Ec2QueryInstanceDirectory(wiring.httpClient(), wiring.credentials(), Emulated.REGION, endpoint, wiring.clock())
                    .find(INSTANCE);
        } finally {
            server.stop(0);
        }

        assertThat(authorization.get())
                .startsWith("AWS4-HMAC-SHA256 Credential=AKIDTEST/20261120/eu-west-1/ec2/aws4_request")
                .contains("SignedHeaders=")
                .contains("host")
                .contains("x-amz-date")
                .contains("Signature=");
    }

    @Test
    void unknownInstance_isEmpty() {
        assertThat(directory.find(INSTANCE)).isEmpty();
    }

    @Test
    void throttling_isRetryable() {
        world.aws.throttle("DescribeInstances", 1);

        assertThatThrownBy(() -> directory.find(INSTANCE))
                .isInstanceOf(RetryableException.class)
                .hasMessageContaining("RequestLimitExceeded");
    }

    @Test
    void serverError_isRetryable() {
        world.aws.fail("DescribeInstances", 503, 1);

        assertThatThrownBy(() -> directory.find(INSTANCE)).isInstanceOf(RetryableException.class);
    }

    @Test
    void unreachableEndpoint_isRetryable() {
        Wiring wiring = world.wiring();
        Ec2QueryInstanceDirectory nowhere = new Ec2QueryInstanceDirectory(wiring.httpClient(), wiring.credentials(),
                Emulated.REGION, URI.create("http://127.0.0.1:1"), wiring.clock());

        assertThatThrownBy(() -> nowhere.find(INSTANCE)).isInstanceOf(RetryableException.class);
    }
}
