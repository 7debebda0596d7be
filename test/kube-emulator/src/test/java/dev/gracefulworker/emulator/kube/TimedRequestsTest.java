package dev.gracefulworker.emulator.kube;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The request log as a benchmark reads it: server time and the scenario clock's instant of every request. */
class TimedRequestsTest {
    @RegisterExtension
    final RunningEmulator running = new RunningEmulator("nodes: [{name: node-1}]");

    @Test
    void everyRequest_carriesTheClockInstantItWasServedAt_faultedOnesToo() {
        running.api.get("/api/v1/nodes");
        running.clock.advance(Duration.ofSeconds(30));
        running.emulator.inject(Fault.failing("GET", "/api/v1/nodes", 500, 1));
        running.api.get("/api/v1/nodes/node-1");

        assertThat(running.emulator.timedRequests()).extracting(TimedRequest::at)
                .containsExactly(RunningEmulator.START, RunningEmulator.START.plusSeconds(30));
        assertThat(running.emulator.timedRequests()).extracting(t -> t.request().status()).containsExactly(200, 500);
        assertThat(running.emulator.timedRequests()).allSatisfy(t -> assertThat(t.serverNanos()).isPositive());
    }
}
