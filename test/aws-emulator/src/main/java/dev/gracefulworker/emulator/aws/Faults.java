package dev.gracefulworker.emulator.aws;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Errors queued per action by a test: each queued fault answers exactly one call, in the order queued. */
final class Faults {

  /** What a queued fault makes the next call answer. */
  sealed interface Fault permits Throttle, InternalFailure {}

  /** The service's throttling error. */
  record Throttle() implements Fault {}

  /**
   * A server-side failure.
   *
   * @param status the 5xx status to answer
   */
  record InternalFailure(int status) implements Fault {
    InternalFailure {
      if (status < 500 || status > 599) {
        throw new IllegalArgumentException("an internal failure answers a 5xx status, not " + status);
      }
    }
  }

  private final Map<String, Deque<Fault>> queued = new HashMap<>();

  synchronized void add(String action, Fault fault, int times) {
    if (times < 0) {
      throw new IllegalArgumentException("times must not be negative: " + times);
    }
    Deque<Fault> queue = queued.computeIfAbsent(action, a -> new ArrayDeque<>());
    for (int i = 0; i < times; i++) {
      queue.addLast(fault);
    }
  }

  /** The error the next call of this action must answer, if a fault is queued for it. */
  synchronized Optional<AwsError> next(AwsService service, String action) {
    Deque<Fault> queue = queued.get(action);
    if (queue == null || queue.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(switch (queue.removeFirst()) {
      case Throttle _ -> service.throttling();
      case InternalFailure failure ->
          new AwsError("InternalFailure", "The request processing has failed because of an unknown error, "
              + "exception or failure.", failure.status());
    });
  }
}
