// Runs ONE execution of a state machine definition with aws-local-stepfunctions and prints, on stdout, one JSON
// line per execution event (the library's eventLogs) and a final {"type":"ExecutionResult", ...} line.
//
// Request (JSON on stdin): {
//   "definitionPath": "statemachine/graceful-worker-terminator.asl.json",
//   "input": {...}, "executionName": "...", "executionArn": "...", "stateMachineArn": "...",
//   "startTime": "2026-11-20T09:41:07.512Z",   // what $$.Execution.StartTime must be: the Java scenario clock's start
//   "region": "eu-west-1", "waitMillis": 0, "retryMillis": 0 }
// Task states invoke their Lambda ARN through the AWS SDK for JavaScript v3, which AWS_ENDPOINT_URL_LAMBDA (set by the
// Java runner) points at the local Lambda endpoint serving the real Java handlers.
import { readFileSync } from 'node:fs';
import { StateMachine } from 'aws-local-stepfunctions';

const request = JSON.parse(readFileSync(0, 'utf8'));
const definition = JSON.parse(readFileSync(request.definitionPath, 'utf8'));

freezeClockAt(request.startTime);

const overrides = { waitTimeOverrides: {}, retryIntervalOverrides: {} };
collectOverrides(definition.States, overrides);

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
  print(event);
}
const result = await settled;
print({ type: 'ExecutionResult', ...result, ...(failure ?? {}) });

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
    for (const branch of state.Branches ?? []) collectOverrides(branch.States, into);
    const iterator = state.ItemProcessor ?? state.Iterator;
    if (iterator) collectOverrides(iterator.States, into);
  }
}
