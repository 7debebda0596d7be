package dev.gracefulworker.bench.cold;

import dev.gracefulworker.bench.probe.ColdStartSample;
import dev.gracefulworker.bench.report.Percentiles;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The cold starts of one handler: medians over the runs (times in microseconds).
 *
 * @param jvmStart          process launched -> probe main running
 * @param constructed       process launched -> handler constructed (clients built)
 * @param firstEvent        handler constructed -> first event handled
 * @param classesConstructed classes loaded once constructed
 * @param classesFirstEvent classes loaded after the first event
 * @param peakRssKb         VmHWM after the first event
 * @param lastOutput        the last run's output
 */
public record ColdStartResult(HandlerCase handler, int runs, long jvmStart, long constructed, long firstEvent,
                              long classesConstructed, long classesFirstEvent, long peakRssKb, String lastOutput) {

    /** Launch time and sample of one run. */
    record Run(long launchedAt, ColdStartSample sample) {}

    static ColdStartResult of(HandlerCase handler, List<Run> runs) {
        return new ColdStartResult(handler, runs.size(),
                median(runs, r -> r.sample().mainAt() - r.launchedAt()),
                median(runs, r -> r.sample().constructedAt() - r.launchedAt()),
                median(runs, r -> r.sample().firstEventAt() - r.sample().constructedAt()),
                median(runs, r -> r.sample().classesConstructed()),
                median(runs, r -> r.sample().classesFirstEvent()),
                median(runs, r -> r.sample().peakRssKb()),
                runs.getLast().sample().output());
    }

    /** Launched -> first event handled. */
    public long total() {
        return constructed + firstEvent;
    }

    static <T> long median(List<T> runs, ToLongFunction<T> figure) {
        return Percentiles.of(runs.stream().map(figure::applyAsLong).toList()).median();
    }
}
