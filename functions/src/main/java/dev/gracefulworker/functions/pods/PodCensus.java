package dev.gracefulworker.functions.pods;

import java.util.ArrayList;
import java.util.List;

/** The pods of one check, counted by class, with the blocking ones named for the console. */
final class PodCensus {

    int waitingFor;
    int evicting;
    int ignored;
    int evictedThisPoll;
    int evictionsBlocked;
    int evictionsThrottled;
    int stuckTerminating;
    int forceDeleted;
    int blocking;
    private final List<String> blockingPods = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    void blocks(PodVerdict verdict, String why) {
        blocking++;
        if (blockingPods.size() < DrainProgress.MAX_BLOCKING_PODS) {
            blockingPods.add(verdict.pod().reference() + " (" + why + ")");
        }
    }

    /** Something the drain did or left that a person should know about, as kubectl drain warns. */
    void warns(String what, String why) {
        if (warnings.size() < DrainProgress.MAX_BLOCKING_PODS) {
            warnings.add(what + " (" + why + ")");
        }
    }

    List<String> blockingPods() {
        return List.copyOf(blockingPods);
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }
}
