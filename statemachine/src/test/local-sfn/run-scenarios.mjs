// Runs the exported definition in aws-local-stepfunctions through every path of WORKFLOW.md, with scripted task
// results, and prints one JSON object: per scenario the states entered, the task inputs, and how it ended.
// Usage: node run-scenarios.mjs <definition.asl.json> <events folder> <aws-local-stepfunctions module>
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [definitionFile, eventsDir, modulePath] = process.argv.slice(2);
const { StateMachine } = await import(pathToFileURL(join(modulePath, 'build', 'main.node.esm.js')).href);
const definition = JSON.parse(readFileSync(definitionFile, 'utf8'));
const event = (name) => JSON.parse(readFileSync(join(eventsDir, name), 'utf8'));

const NODE = 'ip-10-0-1-23.eu-west-1.compute.internal';
const failure = (name, message) => Object.assign(new Error(message), { name });

const liveness = (verdict) => () => ({
  instanceId: 'i-0a1b2c3d4e5f60718', instanceState: verdict === 'DRAIN' ? 'running' : 'terminated',
  nodeName: verdict === 'DRAIN' ? NODE : null, matchedBy: verdict === 'DRAIN' ? 'providerID' : null,
  verdict, reason: verdict === 'DRAIN' ? 'instance is running' : 'instance is terminated',
});
const cordoned = () => ({ nodeName: NODE, action: 'CORDONED', tainted: true, message: 'cordoned' });
// Check pods answers the given statuses in turn, counting polls from the previous progress it is handed.
const pods = (...statuses) => (input) => {
  const polls = input.previous.polls + 1;
  return {
    status: statuses[Math.min(polls, statuses.length) - 1], polls, waitingFor: 1, evicting: 0, ignored: 0,
    evictedThisPoll: 0, evictionsBlocked: 0, blockingPods: ['batch/report-1 (waitForPods)'], waitedFor: 1,
    nextWaitSeconds: 15, waitStartedAt: input.previous.waitStartedAt, elapsedSeconds: polls * 15,
    heartbeats: input.previous.heartbeats, lastHeartbeatAt: input.previous.lastHeartbeatAt, heartbeat: 'NOT_DUE',
    outage: { failedChecks: 0, secondsWithoutCheck: 0 },
  };
};
// Auto Scaling's API through the AWS SDK integration: answers nothing, as RecordLifecycleActionHeartbeat does.
const autoScaling = () => ({});
const OUTCOMES = { drained: 'completed', nothingToDrain: 'nothingToDrain', timeout: 'timeout', failed: 'failed',
  actionEnded: 'alreadyCompleted' };
const complete = (input) => ({
  instanceId: input.instanceId, result: input.result, reason: input.reason, action: 'COMPLETED',
  outcome: OUTCOMES[input.reason], usedInstanceIdFallback: false, durationSeconds: 42,
});
const overrides = (changes) => (input) => ({ ...input.deployed, ...changes, overridden: Object.keys(changes) });
const throwing = (name, message) => () => { throw failure(name, message); };
const throwingOnce = (name, handler) => {
  let thrown = false;
  return (input) => {
    if (!thrown) { thrown = true; throw failure(name, 'transient'); }
    return handler(input);
  };
};

const throwingTimes = (times, name, handler) => {
  let thrown = 0;
  return (input) => {
    if (thrown < times) { thrown += 1; throw failure(name, 'transient ' + thrown); }
    return handler(input);
  };
};

const drainingTasks = (checkPods) => ({
  'Check instance and node': liveness('DRAIN'), 'Keep the hook alive': autoScaling, 'Cordon node': cordoned,
  'Check pods': checkPods, 'Keep the hook alive after a failed check': autoScaling,
  'Complete (drained)': complete, 'Complete (max wait reached)': complete,
  'Complete (action already ended)': complete, 'Complete after failure': autoScaling,
});

const scenarios = {
  drainedAfterTwoPolls: { input: event('lifecycle-terminating.json'), tasks: drainingTasks(pods('WAITING', 'DRAINED')) },
  deadlinePassed: { input: event('lifecycle-terminating.json'), tasks: drainingTasks(pods('WAITING', 'DEADLINE_PASSED')) },
  actionEnded: { input: event('lifecycle-terminating.json'), tasks: drainingTasks(pods('ACTION_ENDED')) },
  nothingToDrain: {
    input: event('lifecycle-terminating.json'),
    tasks: { 'Check instance and node': liveness('NOTHING_TO_DRAIN'), 'Complete (nothing to drain)': complete },
  },
  perGroupOverrides: {
    input: event('lifecycle-terminating-with-metadata.json'),
    tasks: { ...drainingTasks(pods('DEADLINE_PASSED')),
      'Apply per-group overrides': overrides({ maxWaitSeconds: 7200, onTimeout: 'ABANDON' }) },
  },
  eventBridgeDetail: { input: event('eventbridge-terminating.json').detail, tasks: drainingTasks(pods('DRAINED')) },
  checkFailingTwiceIsRiddenOut: {
    input: event('lifecycle-terminating.json'),
    tasks: drainingTasks(throwingTimes(2, 'Lambda.TooManyRequestsException', pods('DRAINED'))),
  },
  kubernetesAwayIsRiddenOut: {
    input: event('lifecycle-terminating.json'),
    tasks: drainingTasks(throwingOnce('dev.gracefulworker.functions.RetryableException', pods('DRAINED'))),
  },
  outageLongerThanTolerated: {
    input: event('lifecycle-terminating-with-metadata.json'),
    tasks: { ...drainingTasks(throwing('Sandbox.Timedout', 'Task timed out after 25.00 seconds')),
      'Apply per-group overrides': overrides({ maxOutageSeconds: 60 }) },
  },
  unknownPollStatus: {
    input: event('lifecycle-terminating.json'),
    tasks: drainingTasks((input) => ({ ...pods('DRAINED')(input), status: 'MAYBE' })),
  },
  pollResultWithoutStatus: {
    input: event('lifecycle-terminating.json'),
    tasks: drainingTasks(() => ({ polls: 1 })),
  },
  failOpenCompletionFails: {
    input: event('lifecycle-terminating.json'),
    tasks: { ...drainingTasks(throwing('java.lang.IllegalStateException', 'kubernetes said no')),
      'Complete after failure': throwing('AutoScaling.ValidationErrorException', 'No active Lifecycle Action found') },
  },
  dryRunFailure: {
    input: event('lifecycle-terminating-with-metadata.json'),
    tasks: { ...drainingTasks(throwing('java.lang.IllegalStateException', 'kubernetes said no')),
      'Apply per-group overrides': overrides({ dryRun: true }) },
  },
  failingTaskFailsOpen: {
    input: event('lifecycle-terminating.json'),
    tasks: drainingTasks(throwing('java.lang.IllegalStateException', 'kubernetes said no')),
  },
  failureLeftToHookTimeout: {
    input: event('lifecycle-terminating-with-metadata.json'),
    tasks: { ...drainingTasks(pods('DRAINED')),
      'Apply per-group overrides': overrides({ onFailure: 'LEAVE_TO_HOOK_TIMEOUT' }),
      'Cordon node': throwing('java.lang.IllegalStateException', 'forbidden') },
  },
  completionFails: {
    input: event('lifecycle-terminating.json'),
    tasks: { ...drainingTasks(pods('DRAINED')),
      'Complete (drained)': throwing('software.amazon.awssdk.services.autoscaling.model.AutoScalingException', 'denied') },
  },
  testNotification: { input: event('lifecycle-test-notification.json'), tasks: {} },
  launching: { input: event('lifecycle-launching.json'), tasks: {} },
  malformed: {
    input: { LifecycleTransition: 'autoscaling:EC2_INSTANCE_TERMINATING', EC2InstanceId: 'i-0a1b2c3d4e5f60718' },
    tasks: {},
  },
};

const stateMachine = new StateMachine(definition);
const results = {};
for (const [name, scenario] of Object.entries(scenarios)) {
  const calls = {};
  const recording = Object.fromEntries(Object.entries(scenario.tasks).map(([state, handler]) => [state, (input) => {
    (calls[state] ??= []).push(input);
    return handler(input);
  }]));
  const execution = stateMachine.run(scenario.input, {
    context: { Execution: { Name: 'i-0a1b2c3d4e5f60718-3f6b0c2e', Id: 'local' } },
    overrides: {
      taskResourceLocalHandlers: recording,
      waitTimeOverrides: { 'Wait before next check': 0 },
      retryIntervalOverrides: Object.fromEntries(Object.keys(scenario.tasks).map((state) => [state, 0])),
    },
  });
  const states = [];
  const collecting = (async () => {
    for await (const log of execution.eventLogs) {
      if (log.type === 'StateEntered') states.push(log.state.name);
      if (log.type === 'ExecutionFailed') results[name] = { ...results[name], error: log.Error, cause: log.Cause };
    }
  })();
  let outcome;
  try {
    outcome = { status: 'SUCCEEDED', output: await execution.result };
  } catch (e) {
    outcome = { status: 'FAILED', message: e.message };
  }
  await collecting;
  results[name] = { ...outcome, ...results[name], states, calls };
}
process.stdout.write(JSON.stringify(results, null, 2) + '\n');
