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
    int blocking;
    private final List<String> blockingPods = new ArrayList<>();

    void blocks(PodVerdict verdict, String why) {
        blocking++;
        if (blockingPods.size() < DrainProgress.MAX_BLOCKING_PODS) {
            blockingPods.add(verdict.pod().reference() + " (" + why + ")");
        }
    }

    List<String> blockingPods() {
        return List.copyOf(blockingPods);
    }
}
