package dev.gracefulworker.functions.operator;

import dev.gracefulworker.functions.InvalidEnvironmentException;
import dev.gracefulworker.functions.Wiring;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The AWS clients of a command, built only once its arguments are parsed (so {@code --help} needs no AWS setup): the
 * operator's environment (credentials, AWS_ENDPOINT_URL, AWS_MAX_ATTEMPTS) with the command's region.
 */
final class OperatorWiring {

    private OperatorWiring() {}

    static Wiring forRegion(CommandSpec spec, String region) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("AWS_REGION", region);
        try {
            return Wiring.of(env, Clock.systemUTC());
        } catch (InvalidEnvironmentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
