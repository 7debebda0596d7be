package dev.gracefulworker.emulator.kube;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Every request served, in the order answered, with the server-side time spent on it. */
final class RequestLog {
    private final List<TimedRequest> requests = new ArrayList<>();

    synchronized void record(RecordedRequest request, long serverNanos, Instant at) {
        requests.add(new TimedRequest(request, serverNanos, at));
    }

    synchronized List<TimedRequest> timed() {
        return List.copyOf(requests);
    }

    synchronized List<RecordedRequest> requests() {
        return requests.stream().map(TimedRequest::request).toList();
    }
}
