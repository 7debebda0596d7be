// Runs ONE execution of a state machine definition with aws-local-stepfunctions and prints, on stdout, one JSON
// line per execution event (the library's eventLogs) and a final {"type":"ExecutionResult", ...} line.
//
// Request (JSON on stdin): {
//   "definitionPath": "statemachine/graceful-worker-terminator.asl.json",
//   "input": {...}, "executionName": "...", "executionArn": "...", "stateMachineArn": "...",
//   "startTime": "2026-11-20T09:41:07.512Z",   // what $$.Execution.StartTime must be: the Java scenario clock's start
//   "region": "eu-west-1", "waitMillis": 0, "retryMillis": 0 }
//   or, in a fleet run, "sharedClockWaits": "http://127.0.0.1:<port>/wait" instead of waitMillis/retryMillis: each Wait
//   state then sleeps its nominal seconds on the fleet's shared clock (a POST answered when the clock gets there), and
//   retries pause their real backoff; "taskTimeoutStretch": k lets each Task run k times its TimeoutSeconds (this
//   machine's cores stand in for every concurrent Lambda function's CPU).
// Task states invoke their Lambda ARN through the AWS SDK for JavaScript v3, which AWS_ENDPOINT_URL_LAMBDA (set by the
// Java runner) points at the local Lambda endpoint serving the real Java handlers. AWS SDK integration tasks
// (arn:aws:states:::aws-sdk:<service>:<action>), which aws-local-stepfunctions does not run itself, go to the Java
// runner's service integration endpoint (GWT_SERVICE_INTEGRATIONS_URL), which makes the call with the real Java SDK.
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { StateMachine } from 'aws-local-stepfunctions';

const request = JSON.parse(readFileSync(0, 'utf8'));
const definition = JSON.parse(readFileSync(request.definitionPath, 'utf8'));

freezeClockAt(request.startTime);

// A Wait state's sleep is a setTimeout of this many milliseconds (the wait override): in a fleet run that one delay is
// served by the shared clock instead. No other timer in the process asks for it (it is 24.8 days).
const SHARED_CLOCK_WAIT_MILLIS = 2147483001;

const overrides = { waitTimeOverrides: {}, retryIntervalOverrides: {}, taskResourceLocalHandlers: {} };
collectOverrides(definition.States, overrides);
const definedStates = allStates(definition.States);
if (request.sharedClockWaits) sleepWaitsOnTheSharedClock();

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

// The Wait state being slept is the one the events last entered: its seconds are read from its definition and input,
// and the shared clock answers the POST once it has moved by that much. Real timers stay real.
function sleepWaitsOnTheSharedClock() {
  const realSetTimeout = globalThis.setTimeout;
  const realClearTimeout = globalThis.clearTimeout;
  const sharedWaits = new Set();
  const stretch = request.taskTimeoutStretch ?? 1;
  // a Task's timeout is a timer of exactly TimeoutSeconds * 1000 ms; jittered retry backoffs never hit those values
  const taskTimeouts = new Set(Object.values(definedStates).filter((state) => state.Type === 'Task' && state.TimeoutSeconds)
    .map((state) => state.TimeoutSeconds * 1000));
  globalThis.setTimeout = (callback, delay, ...args) => {
    if (delay !== SHARED_CLOCK_WAIT_MILLIS) {
      return realSetTimeout(callback, taskTimeouts.has(delay) ? Math.min(delay * stretch, 2147483647) : delay, ...args);
    }
    const handle = { sharedClockWait: true };
    sharedWaits.add(handle);
    sleepOnSharedClock().then(() => { if (sharedWaits.delete(handle)) callback(...args); },
      (error) => { process.stderr.write(`shared clock wait failed: ${error.stack}\n`); process.exit(3); });
    return handle;
  };
  globalThis.clearTimeout = (handle) => (sharedWaits.delete(handle) ? undefined : realClearTimeout(handle));
}

async function sleepOnSharedClock() {
  for (let tick = 0; definedStates[current.name]?.Type !== 'Wait' && tick < 1000; tick++) {
    await new Promise((resolve) => setImmediate(resolve));
  }
  const state = definedStates[current.name];
  if (state?.Type !== 'Wait') throw new Error(`a Wait sleeps, but the events say the execution is in ${current.name}`);
  const seconds = state.Seconds ?? valueAt(state.SecondsPath, current.input);
  if (!Number.isInteger(seconds)) throw new Error(`Wait ${current.name}: only Seconds and SecondsPath are run on the shared clock`);
  // node:http, not fetch: fetch gives up on an answer after 300 s of real time, and a long Wait may be held that long
  const body = JSON.stringify({ executionName: request.executionName, state: current.name, seconds });
  const { status, text } = await new Promise((resolve, reject) => {
    const call = httpRequest(request.sharedClockWaits, { method: 'POST', headers: { 'Content-Type': 'application/json' } },
      (response) => {
        let text = '';
        response.setEncoding('utf8').on('data', (chunk) => { text += chunk; }).on('end', () => resolve({ status: response.statusCode, text }));
      });
    call.on('error', reject).end(body);
  });
  if (status !== 200) throw new Error(`the shared clock refused the wait: ${status} ${text}`);
}

// Every Wait is shortened (the Java side prints its nominal duration and advances the scenario clock) and every
// Retry pause is shortened; nothing is skipped.
function collectOverrides(states, into) {
  for (const [name, state] of Object.entries(states)) {
    if (state.Type === 'Wait') into.waitTimeOverrides[name] = request.sharedClockWaits ? SHARED_CLOCK_WAIT_MILLIS : request.waitMillis;
    if (state.Retry && request.retryMillis !== undefined) into.retryIntervalOverrides[name] = request.retryMillis;
    const sdk = /^arn:[^:]+:states:::aws-sdk:([^:]+):([^:.]+)$/.exec(state.Resource ?? '');
    if (state.Type === 'Task' && sdk) into.taskResourceLocalHandlers[name] = sdkIntegration(name, sdk[1], sdk[2], states);
    for (const branch of state.Branches ?? []) collectOverrides(branch.States, into);
    const iterator = state.ItemProcessor ?? state.Iterator;
    if (iterator) collectOverrides(iterator.States, into);
  }
}

// Every state by name, nested ones included (names are unique across a definition).
function allStates(states) {
  const all = {};
  for (const [name, state] of Object.entries(states)) {
    all[name] = state;
    for (const branch of state.Branches ?? []) Object.assign(all, allStates(branch.States));
    const iterator = state.ItemProcessor ?? state.Iterator;
    if (iterator) Object.assign(all, allStates(iterator.States));
  }
  return all;
}
