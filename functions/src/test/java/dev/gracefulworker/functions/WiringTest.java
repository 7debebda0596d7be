package dev.gracefulworker.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The clients are built from the parsed environment, once each. */
class WiringTest {

    private static final Map<String, String> ENV = Map.of("AWS_REGION", "eu-west-1",
            "AWS_ACCESS_KEY_ID", "AKIDTEST", "AWS_SECRET_ACCESS_KEY", "secret", "AWS_ENDPOINT_URL", "http://127.0.0.1:1");

    @Test
    void eachClient_isBuiltOnceAndKept() {
        Wiring wiring = Wiring.of(ENV, Clock.systemUTC());

        assertThat(wiring.autoScaling()).isSameAs(wiring.autoScaling());
        assertThat(wiring.sfn()).isSameAs(wiring.sfn());
        assertThat(wiring.httpClient()).isSameAs(wiring.httpClient());
    }

    @Test
    void endpointOverride_appliesToEveryServiceClient() {
        Wiring wiring = Wiring.of(ENV, Clock.systemUTC());

        assertThat(wiring.autoScaling().serviceClientConfiguration().endpointOverride()).hasValueSatisfying(
                uri -> assertThat(uri.toString()).isEqualTo("http://127.0.0.1:1"));
        assertThat(wiring.eks().serviceClientConfiguration().endpointOverride()).isPresent();
        assertThat(wiring.secretsManager().serviceClientConfiguration().endpointOverride()).isPresent();
    }

    @Test
    void clockGiven_isTheClockHandlersUse() {
        Clock clock = Clock.fixed(java.time.Instant.parse("2026-11-20T09:41:07Z"), java.time.ZoneOffset.UTC);

        assertThat(Wiring.of(ENV, clock).clock()).isSameAs(clock);
    }

    @Test
    void badEnvironment_failsWhenTheWiringIsBuilt() {
        Map<String, String> env = new java.util.HashMap<>(ENV);
        env.put("AWS_MAX_ATTEMPTS", "zero");

        assertThatThrownBy(() -> Wiring.of(env, Clock.systemUTC()))
                .isInstanceOf(InvalidEnvironmentException.class)
                .hasMessageStartingWith("environment variable AWS_MAX_ATTEMPTS: must be a whole number");
    }

    @Test
    void notAStateMachineArn_isRefusedNamingTheVariable() {
        Wiring wiring = Wiring.of(Map.of("AWS_REGION", "eu-west-1", "STATE_MACHINE_ARN", "my-machine"), Clock.systemUTC());

        assertThatThrownBy(wiring::stateMachineArn)
                .isInstanceOf(InvalidEnvironmentException.class)
                .hasMessageContaining("STATE_MACHINE_ARN");
    }
}
