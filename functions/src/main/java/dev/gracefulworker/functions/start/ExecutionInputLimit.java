package dev.gracefulworker.functions.start;

import java.nio.charset.StandardCharsets;

/**
 * Step Functions' limit on an execution's input: 256 KiB of UTF-8 (the quota "maximum input or output size for a
 * task, state, or execution"; StartExecution's {@code input} is at most 262,144 bytes). Checked before the call so an
 * input that can never start is rejected by name, like any other malformed message, instead of failing the call.
 */
final class ExecutionInputLimit {

    static final int MAX_BYTES = 256 * 1024;

    private ExecutionInputLimit() {}

    static void check(String input) {
        int bytes = input.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw new MalformedMessageException("Message", "is " + bytes + " bytes of UTF-8, over the " + MAX_BYTES
                    + " bytes (256 KiB) Step Functions accepts as an execution's input");
        }
    }
}
