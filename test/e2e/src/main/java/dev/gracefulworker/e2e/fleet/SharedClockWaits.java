package dev.gracefulworker.e2e.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gracefulworker.e2e.LoopbackHttp;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where the interpreter's Wait states sleep in a fleet run: {@code POST /wait {"seconds": n}} is answered once the
 * {@link SharedClock} has moved by {@code n} seconds; meanwhile the execution counts as asleep.
 */
public final class SharedClockWaits implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SharedClock clock;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicLong waits = new AtomicLong();

    public SharedClockWaits(SharedClock clock) {
        this.clock = clock;
        this.server = LoopbackHttp.serve("the shared clock's wait endpoint", "/wait", this::handle, threads);
    }

    /** The URL the interpreter posts each Wait to. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/wait");
    }

    /** Wait states slept so far. */
    public long waits() {
        return waits.get();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
            JsonNode seconds = request.path("seconds");
            if (!"POST".equals(exchange.getRequestMethod()) || !seconds.canConvertToLong() || seconds.asLong() < 0) {
                send(exchange, 400, "expected POST {\"seconds\": n >= 0}, got " + request);
                return;
            }
            waits.incrementAndGet();
            try {
                clock.sleep(Duration.ofSeconds(seconds.asLong()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                send(exchange, 503, "the fleet run is shutting down");
                return;
            }
            send(exchange, 200, "{}");
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
