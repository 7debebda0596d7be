package dev.gracefulworker.functions.lifecycle;

import java.util.function.Function;

/** Calls by token first and, when Auto Scaling refuses the token, once more by instance id. */
final class TokenFirst {

    /** The final answer and whether it came from the instance-id call. */
    record Answer(ActionAnswer answer, boolean usedInstanceIdFallback) {}

    private TokenFirst() {}

    static Answer call(Function<Identify, ActionAnswer> call) {
        ActionAnswer byToken = call.apply(Identify.BY_TOKEN);
        if (byToken != ActionAnswer.TOKEN_REJECTED) {
            return new Answer(byToken, false);
        }
        ActionAnswer byInstance = call.apply(Identify.BY_INSTANCE_ID);
        // asked by instance id, Auto Scaling has no token to refuse: anything but success means no action to act on
        return new Answer(byInstance == ActionAnswer.ACCEPTED ? ActionAnswer.ACCEPTED : ActionAnswer.NO_ACTIVE_ACTION, true);
    }
}
