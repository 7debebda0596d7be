package dev.gracefulworker.emulator.aws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The one HTTP handler: routes a request to its service, applies queued faults and then the rate limits, lets the
 * service answer in its own protocol, and records the call before the answer leaves (so a test sees it once its
 * client returns).
 */
final class AwsHttpHandler implements HttpHandler {

  private final RequestRouter router = new RequestRouter();
  private final Faults faults;
  private final RateLimits rateLimits;
  private final Map<AwsService, ServiceApi> apis;
  private final List<AwsCall> calls = new CopyOnWriteArrayList<>();

  AwsHttpHandler(Faults faults, RateLimits rateLimits, Map<AwsService, ServiceApi> apis) {
    this.faults = faults;
    this.rateLimits = rateLimits;
    this.apis = Map.copyOf(apis);
  }

  List<AwsCall> calls() {
    return List.copyOf(calls);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String requestId = UUID.randomUUID().toString();
      IncomingRequest request = IncomingRequest.read(exchange);
      HttpReply reply = router.route(request)
          .map(call -> answer(call, request, requestId))
          .orElseGet(() -> unroutable(request, requestId));
      send(exchange, reply);
    }
  }

  private HttpReply answer(ServiceCall call, IncomingRequest request, String requestId) {
    ServiceApi api = apis.get(call.service());
    try {
      if (!request.signed()) {
        throw new AwsError("MissingAuthenticationToken", "Missing Authentication Token", 403).toException();
      }
      // a call a queued fault answers never reaches the bucket, so it takes no token
      faults.next(call.service(), call.action())
          .or(() -> rateLimits.admit(call.service(), call.action()))
          .ifPresent(error -> {
            throw error.toException();
          });
      HttpReply reply = api.handle(call, requestId);
      record(call, reply.status(), null);
      return reply;
    } catch (AwsException e) {
      record(call, e.error().status(), e.error().code());
      return api.protocol().error(e.error(), requestId);
    } catch (RuntimeException e) {
      // An emulator bug must reach the test as a failed call with the cause, not as a hung connection.
      var error = new AwsError("InternalFailure", "emulator failure: " + e, 500);
      record(call, error.status(), error.code());
      return api.protocol().error(error, requestId);
    }
  }

  private HttpReply unroutable(IncomingRequest request, String requestId) {
    String what = request.method() + " " + request.path();
    calls.add(new AwsCall("unknown", what, request.formParams(), 400, "UnknownOperationException"));
    String body = Json.write(Json.object()
        .put("__type", "UnknownOperationException")
        .put("message", "The AWS emulator does not know which service answers " + what));
    return HttpReply.of(400, "application/json", body, Map.of("x-amzn-RequestId", requestId));
  }

  private void record(ServiceCall call, int status, String errorCode) {
    calls.add(new AwsCall(call.service().signingName(), call.action(), call.params(), status, errorCode));
  }

  private static void send(HttpExchange exchange, HttpReply reply) throws IOException {
    var headers = exchange.getResponseHeaders();
    headers.set("Content-Type", reply.contentType());
    reply.headers().forEach(headers::set);
    boolean empty = reply.body().length == 0;
    // 0 would mean "chunked" to the JDK server; -1 means no body at all
    exchange.sendResponseHeaders(reply.status(), empty ? -1 : reply.body().length);
    if (!empty) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(reply.body());
      }
    }
  }
}
