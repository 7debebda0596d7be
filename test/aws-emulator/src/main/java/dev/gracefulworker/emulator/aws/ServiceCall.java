package dev.gracefulworker.emulator.aws;

import java.util.Map;

/**
 * A request once routed: which service, which operation, and its parameters as flat strings.
 *
 * @param service the service that answers
 * @param action the operation name
 * @param params the operation's parameters (see {@link AwsCall#params()})
 */
record ServiceCall(AwsService service, String action, Map<String, String> params) {

  ServiceCall {
    params = Map.copyOf(params);
  }
}
