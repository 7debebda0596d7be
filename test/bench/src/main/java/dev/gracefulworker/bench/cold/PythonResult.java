package dev.gracefulworker.bench.cold;

import java.util.List;

/**
 * The Python equivalent's cold starts: medians in microseconds.
 *
 * @param constructed launched -> modules imported and clients built
 * @param firstEvent  clients built -> first list of the node's pods returned
 */
public record PythonResult(int runs, long constructed, long firstEvent, int podsListed) {

    static PythonResult of(List<PythonColdStart.Sample> samples) {
        return new PythonResult(samples.size(),
                ColdStartResult.median(samples, s -> s.constructedAt() - s.launchedAt()),
                ColdStartResult.median(samples, s -> s.firstEventAt() - s.constructedAt()),
                samples.getLast().pods());
    }

    public long total() {
        return constructed + firstEvent;
    }
}
