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
// The result keeps the history in the shape of GetExecutionHistory; events
// are recorded as small structs and rendered to JSON only when asked
// (Execution.HistoryJSON).
//
// JSONata states fail with "JSONata evaluation is not available yet" until
// an evaluator is wired in through the jsonataEvaluator interface.
package local
