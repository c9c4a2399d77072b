// Package local runs Amazon States Language state machines in process, the
// way AWS Step Functions runs them, on a virtual clock.
//
// Compile turns an *asl.StateMachine into a Machine once: every path,
// payload template, intrinsic function call and Choice rule is parsed up
// front, so a run does no parsing and no JSON round trip per state. Values
// are the immutable, ordered values of package asl/value.
//
// Machine.Run executes one execution: every state type, the context object,
// the 18 intrinsic functions, JSONPath as AWS (Jayway JsonPath) evaluates it
// including filter expressions, Choice with every operator, Wait, Retry
// (backoff, MaxDelaySeconds, FULL jitter from a seeded generator), Catch,
// TimeoutSeconds and HeartbeatSeconds, Parallel, inline and distributed Map
// (over the in-memory S3 of Options.S3), task tokens, activities, the 256 KiB
// payload limit and AWS's error names and messages. Wait, backoff and
// timeouts advance a virtual clock and never sleep: the same Options (Seed
// included) give the same execution, history and all.
//
// Tasks are answered by Handlers (per state name or per resource ARN) or by
// an AWS mock configuration file (the MockConfigFile format of Step
// Functions Local, see ParseMockConfig). A Task with nothing to answer it is
// an error of Run that names the state and the resource.
//
// Actions (Options.Actions) are the outside world at virtual times: an
// Action gets a Control, through which it answers a task token
// (SendTaskSuccess, SendTaskFailure), sends a heartbeat, stops the
// execution or schedules another action; a handler acts the same way
// through Task.Control. A .waitForTaskToken task or an
// activity whose handler returns ErrNoAnswer, or that has no handler in a
// run with actions, waits for its token until its TimeoutSeconds or
// HeartbeatSeconds; an action at a virtual time runs once the execution
// has done all it does at that time (but before a waiting task times out
// then), before anything later.
//
// The branches of a Parallel state, the iterations of an inline Map and
// the child executions of a Distributed Map (at most MaxConcurrency at a
// time; a child's events are not in the history) run concurrently in
// virtual time, as coroutines: before each event it writes, a branch lets
// every branch that is earlier in virtual time (then lower in branch
// order) run first, so the history interleaves them as AWS does. When a
// branch or an iteration fails, the state fails and its other branches
// stop at the virtual time of the failure: no handler is called and no
// iteration starts after it, a running iteration gets
// MapIterationAborted, and each Task state still open (the failed one
// included) gets a TaskStateAborted event. Branches run on goroutines of
// their own, one at a time: a handler in a branch must not call t.FailNow
// (Run then returns an error saying so); its panic reaches the caller of
// Run.
//
// The result keeps the history in the shape of GetExecutionHistory; events
// are recorded as small structs and rendered to JSON only when asked
// (Execution.HistoryJSON).
//
// JSONata states run through package asl/jsonata/eval: every "{% %}"
// string of every field (inside objects and arrays too) is compiled once by
// Compile; $states.input, $states.result (Output and Assign of Task, Map
// and Parallel), $states.errorOutput (catchers) and $states.context are
// bound as AWS binds them, the variables in scope are JSONata variables,
// $now reads the virtual clock (the time the state was entered) and
// $random, $uuid the seeded generator. A failed evaluation is
// States.QueryEvaluationError with AWS's message and an EvaluationFailed
// event.
package local
