package dev.gracefulworker.functions;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SnapStart priming: before the snapshot is taken, run the code paths the first invocation would otherwise pay
 * for (class loading, JIT of JSON and signing code), so a restored function answers quickly. Each step says why
 * it is worth priming. A handler keeps a reference to its Priming because CRaC holds resources weakly.
 */
public final class Priming implements Resource {

    private static final Logger LOG = LoggerFactory.getLogger(Priming.class);

    /** One primed path and why it is worth priming. */
    public record Step(String why, Runnable action) {

        public Step {
            Objects.requireNonNull(why);
            Objects.requireNonNull(action);
        }
    }

    private final List<Step> steps;
    private final List<String> done = new ArrayList<>();

    private Priming(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    /** Registers the steps with the CRaC global context (a no-op outside a CRaC-capable runtime). */
    public static Priming register(Step... steps) {
        Priming priming = new Priming(List.of(steps));
        Core.getGlobalContext().register(priming);
        return priming;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        for (Step step : steps) {
            try {
                step.action().run();
                done.add(step.why());
            } catch (RuntimeException e) {
                // priming is an optimisation: a failing step must not prevent the snapshot
                LOG.warn("priming step failed ({}): {}", step.why(), e.toString());
            }
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // nothing to refresh: no token or credential is cached before the snapshot
    }

    /** Every step, by its reason. */
    public List<String> steps() {
        return steps.stream().map(Step::why).toList();
    }

    /** The steps that ran successfully, by their reason (for tests and logs). */
    public List<String> completedSteps() {
        return List.copyOf(done);
    }
}
