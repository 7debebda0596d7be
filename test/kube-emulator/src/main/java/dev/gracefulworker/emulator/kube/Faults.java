package dev.gracefulworker.emulator.kube;

import java.util.ArrayList;
import java.util.List;

/** The active faults, in the order added; the first one that matches a request (and has uses left) applies. */
final class Faults {
    private final List<Armed> armed = new ArrayList<>();

    /** A fault and how many more requests it affects (-1: unlimited). */
    private static final class Armed {
        final Fault fault;
        int remaining;

        Armed(Fault fault) {
            this.fault = fault;
            this.remaining = fault.times() == null ? -1 : fault.times();
        }
    }

    synchronized void add(Fault fault) {
        armed.add(new Armed(fault));
    }

    /** Consumes one use of the first matching fault, if any, {@code secondsSinceStart} into the scenario. */
    synchronized Fault take(String method, String path, long secondsSinceStart) {
        for (Armed a : armed) {
            if (a.remaining != 0 && a.fault.matches(method, path, secondsSinceStart)) {
                if (a.remaining > 0) {
                    a.remaining--;
                }
                return a.fault;
            }
        }
        return null;
    }
}
