package dev.gracefulworker.functions.settings;

import dev.gracefulworker.contract.DefinitionLimits;
import dev.gracefulworker.contract.HeartbeatBudget;
import dev.gracefulworker.contract.HistoryBudget;
import dev.gracefulworker.contract.InvalidSettingsException;
import dev.gracefulworker.contract.Settings;
import dev.gracefulworker.functions.InvalidTaskInputException;
import dev.gracefulworker.functions.Json;
import dev.gracefulworker.functions.JsonTaskHandler;
import dev.gracefulworker.functions.Priming;
import dev.gracefulworker.functions.Wiring;
import java.util.Map;

/** "Apply per-group overrides": the deployed settings with the hook's NotificationMetadata applied. */
public final class ApplySettingsOverridesHandler extends JsonTaskHandler<ApplySettingsOverridesRequest, Settings> {

    /** Generous limits: priming only exercises the path. */
    private static final DefinitionLimits PRIMING_LIMITS =
            new DefinitionLimits(new HistoryBudget(1, 1), new HeartbeatBudget(1, 1, 1, 1));

    private final SettingsOverrides overrides;

    public ApplySettingsOverridesHandler() {
        this(Wiring.fromEnvironment());
    }

    public ApplySettingsOverridesHandler(Wiring wiring) {
        super(ApplySettingsOverridesRequest.class, wiring.metrics());
        this.overrides = new SettingsOverrides(Json.mapper());
        prime(new Priming.Step(
                "the first override binds Settings through Jackson's tree model and record introspection",
                () -> overrides.apply(Settings.defaults(), "{\"maxWaitSeconds\": 600, \"unknownKey\": 1}",
                        PRIMING_LIMITS)));
    }

    @Override
    protected Map<String, String> logKeys(ApplySettingsOverridesRequest request) {
        return Map.of();
    }

    @Override
    protected Settings handle(ApplySettingsOverridesRequest request) {
        if (request.deployed() == null) {
            throw new InvalidSettingsException("deployed", "is missing from the task input");
        }
        if (request.limits() == null) {
            throw new InvalidTaskInputException("limits", "is missing");
        }
        return overrides.apply(request.deployed(), request.notificationMetadata(), request.limits());
    }
}
