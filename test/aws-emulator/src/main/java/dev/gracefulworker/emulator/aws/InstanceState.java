package dev.gracefulworker.emulator.aws;

import java.util.Arrays;
import java.util.stream.Collectors;

/** EC2 instance states with the codes DescribeInstances reports. */
enum InstanceState {
  PENDING(0, "pending"),
  RUNNING(16, "running"),
  SHUTTING_DOWN(32, "shutting-down"),
  TERMINATED(48, "terminated"),
  STOPPING(64, "stopping"),
  STOPPED(80, "stopped");

  private final int code;
  private final String wireName;

  InstanceState(int code, String wireName) {
    this.code = code;
    this.wireName = wireName;
  }

  int code() {
    return code;
  }

  String wireName() {
    return wireName;
  }

  static InstanceState named(String wireName) {
    return Arrays.stream(values())
        .filter(state -> state.wireName.equals(wireName))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown instance state '" + wireName + "', expected one of "
            + Arrays.stream(values()).map(InstanceState::wireName).collect(Collectors.joining(", "))));
  }
}
