package dev.gracefulworker.functions.observability;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.MDC;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * Runs one handler invocation with the log keys every line should carry (instanceId, nodeName,
 * autoScalingGroupName, lifecycleHookName, executionName) and flushes the metrics at the end.
 */
public final class Invocation {

    private final MetricsRecorder metrics;

    public Invocation(MetricsRecorder metrics) {
        this.metrics = metrics;
    }

    /** Log keys in a fixed order; null values are left out. */
    public static Map<String, String> keys(String... keysAndValues) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                keys.put(keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return keys;
    }

    public <T> T run(Context context, Map<String, String> logKeys, Supplier<T> work) {
        if (context != null) {
            // adds the request id, function name and cold start flag to every line of this invocation
            PowertoolsLogging.initializeLogging(context);
        }
        logKeys.forEach(MDC::put);
        try {
            return work.get();
        } finally {
            metrics.flush();
            MDC.clear();
        }
    }
}
