// Runs ONE execution of a state machine definition with aws-local-stepfunctions and prints, on stdout, one JSON
// line per execution event (the library's eventLogs) and a final {"type":"ExecutionResult", ...} line.
//
// Request (JSON on stdin): {
//   "definitionPath": "statemachine/graceful-worker-terminator.asl.json",
//   "input": {...}, "executionName": "...", "executionArn": "...", "stateMachineArn": "...",
//   "startTime": "2026-11-20T09:41:07.512Z",   // what $$.Execution.StartTime must be: the Java scenario clock's start
//   "region": "eu-west-1", "waitMillis": 0, "retryMillis": 0 }
// Task states invoke their Lambda ARN through the AWS SDK for JavaScript v3, which AWS_ENDPOINT_URL_LAMBDA (set by the
// Java runner) points at the local Lambda endpoint serving the real Java handlers. AWS SDK integration tasks
// (arn:aws:states:::aws-sdk:<service>:<action>), which aws-local-stepfunctions does not run itself, go to the Java
// runner's service integration endpoint (GWT_SERVICE_INTEGRATIONS_URL), which makes the call with the real Java SDK.
import { readFileSync } from 'node:fs';
import { StateMachine } from 'aws-local-stepfunctions';

const request = JSON.parse(readFileSync(0, 'utf8'));
const definition = JSON.parse(readFileSync(request.definitionPath, 'utf8'));

freezeClockAt(request.startTime);

const overrides = { waitTimeOverrides: {}, retryIntervalOverrides: {}, taskResourceLocalHandlers: {} };
collectOverrides(definition.States, overrides);

// The state the execution is in and its raw input, as the events tell it; an SDK integration handler reads them to
// tell the Java side how long the Wait after it lasts (the handler itself only sees the task's parameters).
let current = { name: null, input: null };

const stateMachine = new StateMachine(definition, {
  awsConfig: {
    region: request.region,
    credentials: { accessKeys: { accessKeyId: 'local', secretAccessKey: 'local' } },
  },
});

const execution = stateMachine.run(request.input, {
  overrides,
  context: {
    Execution: { Id: request.executionArn, Name: request.executionName, RoleArn: 'arn:aws:iam::111122223333:role/local' },
    StateMachine: { Id: request.stateMachineArn, Name: request.stateMachineArn.split(':').pop() },
  },
});
// Attached before the events are read, so a failed execution is never an unhandled rejection.
const settled = execution.result.then(
  (output) => ({ status: 'SUCCEEDED', output }),
  (error) => ({ status: 'FAILED', error: error.name, cause: error.message }),
);

let failure = null;
for await (const event of execution.eventLogs) {
  if (event.type === 'ExecutionFailed') failure = { error: event.Error, cause: event.Cause };
  if (event.type === 'StateEntered') current = { name: event.state.name, input: event.state.input };
  print(event);
}
const result = await settled;
print({ type: 'ExecutionResult', ...result, ...(failure ?? {}) });

function sdkIntegration(name, service, action, states) {
  return async (parameters) => {
    // the StateEntered event was dispatched before this call: let the event loop deliver it to the reader above
    for (let tick = 0; current.name !== name && tick < 1000; tick++) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (current.name !== name) throw new Error(`the runner lost track of the state: expected ${name}, at ${current.name}`);
    const next = states[states[name].Next];
    const followingWaitSeconds = next?.Type !== 'Wait' ? null
      : next.Seconds ?? valueAt(next.SecondsPath, current.input);
    const response = await fetch(`${process.env.GWT_SERVICE_INTEGRATIONS_URL}/${service}/${action}`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ parameters, followingWaitSeconds }),
    });
    const answer = await response.json();
    if (!response.ok) throw Object.assign(new Error(answer.cause), { name: answer.error });
    return answer;
  };
}

// A reference path such as $.poll.nextWaitSeconds, read from a state's input.
function valueAt(path, input) {
  return path.replace(/^\$\.?/, '').split('.').filter(Boolean).reduce((value, key) => value?.[key], input);
}

function print(value) {
  process.stdout.write(JSON.stringify(value) + '\n');
}

// $$.Execution.StartTime is taken from `new Date()` when the execution starts; the handlers measure elapsed time
// against the Java scenario clock, so both must start at the same instant for elapsed seconds to be exact.
function freezeClockAt(isoInstant) {
  const RealDate = Date;
  const frozen = RealDate.parse(isoInstant);
  globalThis.Date = class ScenarioDate extends RealDate {
    constructor(...args) {
      super(...(args.length === 0 ? [frozen] : args));
    }
    static now() {
      return frozen;
    }
  };
}

// Every Wait is shortened (the Java side prints its nominal duration and advances the scenario clock) and every
// Retry pause is shortened; nothing is skipped.
function collectOverrides(states, into) {
  for (const [name, state] of Object.entries(states)) {
    if (state.Type === 'Wait') into.waitTimeOverrides[name] = request.waitMillis;
    if (state.Retry) into.retryIntervalOverrides[name] = request.retryMillis;
    const sdk = /^arn:[^:]+:states:::aws-sdk:([^:]+):([^:.]+)$/.exec(state.Resource ?? '');
    if (state.Type === 'Task' && sdk) into.taskResourceLocalHandlers[name] = sdkIntegration(name, sdk[1], sdk[2], states);
    for (const branch of state.Branches ?? []) collectOverrides(branch.States, into);
    const iterator = state.ItemProcessor ?? state.Iterator;
    if (iterator) collectOverrides(iterator.States, into);
  }
}
