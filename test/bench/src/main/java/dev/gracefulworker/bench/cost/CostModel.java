package dev.gracefulworker.bench.cost;

import dev.gracefulworker.contract.Settings;
import java.util.List;

/**
 * What a termination costs, from the exported definition and the handler's poll schedule: per poll iteration,
 * per termination for a given wait, and the longest wait one execution's history can hold.
 */
public final class CostModel {

    /** The most events a Standard execution's history holds. */
    public static final int MAX_HISTORY_EVENTS = 25_000;
    /** The hook's global timeout: the longest wait there can be. */
    public static final int LONGEST_HOOK_WAIT_SECONDS = 172_800;

    private final TerminationPath plain;
    private final TerminationPath withOverrides;
    private final Prices prices;
    private final int memoryMb;

    public CostModel(WorkflowDefinition definition, Prices prices, int memoryMb) {
        this.plain = TerminationPath.drained(definition, false);
        this.withOverrides = TerminationPath.drained(definition, true);
        this.prices = prices;
        this.memoryMb = memoryMb;
    }

    /**
     * One priced termination.
     *
     * @param label     what the row shows
     * @param settings  the settings the wait runs with
     * @param schedule  how the wait unfolds
     * @param cost      what it costs
     * @param events    history events
     */
    public record Termination(String label, Settings settings, WaitSimulation.Outcome schedule, TerminationCost cost, int events) {}

    public TerminationPath path() {
        return plain;
    }

    /**
     * Terminations whose pods are gone after 0 s, 1 h and 48 h; the 48 h one runs with maxWaitSeconds raised to
     * 48 h (the default deadline is 1 h), every other setting at its default.
     */
    public List<Termination> standardTerminations(long pollMillis, long oneOffMillis) {
        Settings defaults = Settings.defaults();
        return List.of(
                termination("0 min (pods already gone)", defaults, 0, pollMillis, oneOffMillis),
                termination("1 h", defaults, 3_600, pollMillis, oneOffMillis),
                termination("48 h (maxWaitSeconds 172800)", WaitSimulation.withMaxWait(defaults, LONGEST_HOOK_WAIT_SECONDS),
                        LONGEST_HOOK_WAIT_SECONDS, pollMillis, oneOffMillis));
    }

    public Termination termination(String label, Settings settings, long podsGoneAfterSeconds, long pollMillis, long oneOffMillis) {
        WaitSimulation.Outcome wait = WaitSimulation.waitFor(podsGoneAfterSeconds, settings);
        TerminationCost cost = TerminationCost.of(plain, wait.iterations(), pollMillis, oneOffMillis, memoryMb, prices);
        return new Termination(label, settings, wait, cost, plain.historyEvents(wait.iterations()));
    }

    /**
     * The longest wait that stays within 25,000 events with the default poll intervals, counted on the longer
     * path (with per-group overrides).
     */
    public WaitSimulation.Outcome longestWaitWithinHistory() {
        return WaitSimulation.longestWaitWithin(MAX_HISTORY_EVENTS, withOverrides, Settings.defaults());
    }

    /** History events of a 48 h wait with the default poll intervals, on the longer path (with per-group overrides). */
    public int eventsOfLongestHookWait() {
        Settings settings = WaitSimulation.withMaxWait(Settings.defaults(), LONGEST_HOOK_WAIT_SECONDS);
        return withOverrides.historyEvents(WaitSimulation.waitFor(LONGEST_HOOK_WAIT_SECONDS, settings).iterations());
    }

    public TerminationPath pathWithOverrides() {
        return withOverrides;
    }

    public Prices prices() {
        return prices;
    }

    public int memoryMb() {
        return memoryMb;
    }
}
