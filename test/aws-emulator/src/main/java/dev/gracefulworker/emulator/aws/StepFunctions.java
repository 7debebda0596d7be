package dev.gracefulworker.emulator.aws;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Standard state machines and their executions. Nothing runs a definition here: an execution stays RUNNING until
 * the test (or the end-to-end runner, told through {@link #onStart}) finishes it.
 */
public final class StepFunctions {

  private static final Pattern STATE_MACHINE_ARN =
      Pattern.compile("arn:aws[a-z-]*:states:[a-z0-9-]+:\\d{12}:stateMachine:[A-Za-z0-9_-]{1,80}");
  private static final Set<String> FINAL_STATUSES = Set.of("SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED");
  private static final int MAX_INPUT_BYTES = 262_144;
  private static final int DEFAULT_LIST_RESULTS = 100;
  private static final int MAX_LIST_RESULTS = 1000;

  private final Clock clock;
  private final Set<String> stateMachines = new LinkedHashSet<>();
  private final Map<String, Execution> executions = new LinkedHashMap<>();
  private final List<Consumer<Execution>> startListeners = new CopyOnWriteArrayList<>();

  StepFunctions(Clock clock) {
    this.clock = clock;
  }

  /** Makes a state machine exist, e.g. {@code arn:aws:states:eu-west-1:111122223333:stateMachine:drain}. */
  public synchronized void addStateMachine(String stateMachineArn) {
    if (!STATE_MACHINE_ARN.matcher(stateMachineArn).matches()) {
      throw new IllegalArgumentException("not a state machine ARN: " + stateMachineArn);
    }
    stateMachines.add(stateMachineArn);
  }

  /** Every execution started, in start order. */
  public synchronized List<Execution> executions() {
    return List.copyOf(executions.values());
  }

  public synchronized Optional<Execution> execution(String executionArn) {
    return Optional.ofNullable(executions.get(executionArn));
  }

  /**
   * Calls the listener with each execution StartExecution creates (not with a repeated start that returns an
   * existing one). It runs on the request's thread before the answer is sent: hand long work to another thread.
   */
  public void onStart(Consumer<Execution> listener) {
    startListeners.add(listener);
  }

  /**
   * Ends a running execution.
   *
   * @param status SUCCEEDED, FAILED, TIMED_OUT or ABORTED
   * @param output the output JSON text (may be null)
   */
  public synchronized void finish(String executionArn, String status, String output) {
    if (!FINAL_STATUSES.contains(status)) {
      throw new IllegalArgumentException("an execution finishes as one of " + FINAL_STATUSES + ", not " + status);
    }
    executions.put(executionArn, running(executionArn).finished(status, clock.instant(), output));
  }

  /**
   * Ends a running execution as FAILED with an error and a cause, as a Fail state or an uncaught error does.
   *
   * @param error e.g. {@code States.TaskFailed} or the Fail state's error
   * @param cause the cause text (may be null)
   */
  public synchronized void fail(String executionArn, String error, String cause) {
    executions.put(executionArn, running(executionArn).failed(clock.instant(), error, cause));
  }

  /**
   * ListExecutions: the state machine's executions, newest first (as AWS lists them), optionally only those of one
   * status, one page at a time. The next token is the position of the page's first execution not returned.
   *
   * @param statusFilter a status, or null for all
   * @param maxResults 1–1000, or 0 for AWS's default of 100
   * @param nextToken a token from the previous page, or null for the first page
   */
  synchronized ExecutionPage list(String stateMachineArn, String statusFilter, int maxResults, String nextToken) {
    requireStateMachine(stateMachineArn);
    if (maxResults < 0 || maxResults > MAX_LIST_RESULTS) {
      throw AwsError.badRequest("ValidationException", "1 validation error detected: Value '" + maxResults
          + "' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to "
          + MAX_LIST_RESULTS).toException();
    }
    // newest first; executions started in the same instant keep the later-started one first (a stable sort of the
    // reversed start order), so a scenario clock that never moves still lists as AWS would
    List<Execution> matching = executions.values().stream()
        .filter(execution -> execution.stateMachineArn().equals(stateMachineArn))
        .filter(execution -> statusFilter == null || execution.status().equals(statusFilter))
        .collect(Collectors.collectingAndThen(Collectors.toCollection(ArrayList::new), list -> {
          Collections.reverse(list);
          list.sort(Comparator.comparing(Execution::startDate).reversed());
          return list;
        }));
    int from = nextToken == null ? 0 : ExecutionPage.offset(nextToken);
    int to = Math.min(matching.size(), from + (maxResults == 0 ? DEFAULT_LIST_RESULTS : maxResults));
    return new ExecutionPage(matching.subList(Math.min(from, to), to),
        to < matching.size() ? ExecutionPage.token(to) : null);
  }

  private Execution running(String executionArn) {
    Execution execution = execution(executionArn)
        .orElseThrow(() -> new IllegalArgumentException("no execution " + executionArn));
    if (!execution.running()) {
      throw new IllegalStateException("execution " + executionArn + " already ended " + execution.status());
    }
    return execution;
  }

  /**
   * StartExecution with AWS's idempotency: the same name and input while that execution runs gives back the
   * running execution; a closed execution of that name, or other input, is ExecutionAlreadyExists.
   */
  Execution start(String stateMachineArn, String requestedName, String requestedInput) {
    String name = requestedName == null ? UUID.randomUUID().toString() : requestedName;
    String input = requestedInput == null ? "{}" : requestedInput;
    Execution started;
    synchronized (this) {
      requireStateMachine(stateMachineArn);
      requireValidName(name);
      requireValidInput(input);
      String arn = executionArn(stateMachineArn, name);
      Execution existing = executions.get(arn);
      if (existing != null) {
        if (existing.running() && existing.input().equals(input)) {
          return existing;
        }
        throw AwsError.badRequest("ExecutionAlreadyExists", "Execution Already Exists: '" + arn + "'").toException();
      }
      started = new Execution(arn, name, input, Execution.RUNNING, clock.instant(), stateMachineArn, null, null,
          null, null);
      executions.put(arn, started);
    }
    startListeners.forEach(listener -> listener.accept(started));
    return started;
  }

  synchronized Execution describe(String executionArn) {
    return execution(executionArn).orElseThrow(() -> AwsError.badRequest("ExecutionDoesNotExist",
        "Execution Does Not Exist: '" + executionArn + "'").toException());
  }

  private void requireStateMachine(String stateMachineArn) {
    if (!STATE_MACHINE_ARN.matcher(stateMachineArn).matches()) {
      throw AwsError.badRequest("InvalidArn", "Invalid Arn: '" + stateMachineArn + "'").toException();
    }
    if (!stateMachines.contains(stateMachineArn)) {
      throw AwsError.badRequest("StateMachineDoesNotExist",
          "State Machine Does Not Exist: '" + stateMachineArn + "'").toException();
    }
  }

  /** AWS refuses whitespace, brackets, wildcards, several punctuation marks and control characters in names. */
  private static void requireValidName(String name) {
    boolean invalid = name.isEmpty() || name.length() > 80 || name.chars().anyMatch(c ->
        Character.isWhitespace(c) || Character.isISOControl(c) || "<>{}[]?*\"#%\\^|~`$&,;:/".indexOf(c) >= 0);
    if (invalid) {
      throw AwsError.badRequest("InvalidName", "Invalid Name: '" + name + "'").toException();
    }
  }

  private static void requireValidInput(String input) {
    if (input.length() > MAX_INPUT_BYTES) {
      throw AwsError.badRequest("InvalidExecutionInput",
          "Invalid State Machine Execution Input: 'input exceeds " + MAX_INPUT_BYTES + " bytes'").toException();
    }
    if (Json.parse(input).isEmpty()) {
      throw AwsError.badRequest("InvalidExecutionInput",
          "Invalid State Machine Execution Input: 'not valid JSON'").toException();
    }
  }

  private static String executionArn(String stateMachineArn, String name) {
    return stateMachineArn.replace(":stateMachine:", ":execution:") + ":" + name;
  }
}
