package dev.gracefulworker.emulator.aws;

import java.util.Set;

/** The two results a lifecycle action can end with. */
final class LifecycleResults {

  static final Set<String> VALID = Set.of("CONTINUE", "ABANDON");

  private LifecycleResults() {}

  static String requireValid(String result) {
    if (!VALID.contains(result)) {
      throw new IllegalArgumentException("a lifecycle result is CONTINUE or ABANDON, not " + result);
    }
    return result;
  }
}
