package dev.gracefulworker.functions.lifecycle;

import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Calls by token first; by instance id only when the token itself is unusable (not token-shaped, or refused as
 * malformed). A well-formed token that Auto Scaling no longer knows means that action is over: asking again by
 * instance id could complete a newer action on the same instance (a warm-pool instance cycling, a replay of an old
 * input), so that answer is final.
 */
final class TokenFirst {

    /** The final answer and whether it came from the instance-id call. */
    record Answer(ActionAnswer answer, boolean usedInstanceIdFallback) {}

    private TokenFirst() {}

    /** Auto Scaling's tokens are UUIDs (36 characters). */
    private static final Pattern TOKEN_SHAPE = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");

    static Answer call(LifecycleActionRef action, Function<Identify, ActionAnswer> call) {
        String token = action.lifecycleActionToken();
        if (token != null && TOKEN_SHAPE.matcher(token).matches()) {
            ActionAnswer byToken = call.apply(Identify.BY_TOKEN);
            if (byToken != ActionAnswer.TOKEN_REJECTED) {
                return new Answer(byToken, false);
            }
        }
        ActionAnswer byInstance = call.apply(Identify.BY_INSTANCE_ID);
        // asked by instance id, Auto Scaling has no token to refuse: anything but success means no action to act on
        return new Answer(byInstance == ActionAnswer.ACCEPTED ? ActionAnswer.ACCEPTED : ActionAnswer.NO_ACTIVE_ACTION, true);
    }
}
