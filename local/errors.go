package local

// The predefined error names of the Amazon States Language.
const (
	ErrALL                             = "States.ALL"
	ErrHeartbeatTimeout                = "States.HeartbeatTimeout"
	ErrTimeout                         = "States.Timeout"
	ErrTaskFailed                      = "States.TaskFailed"
	ErrPermissions                     = "States.Permissions"
	ErrResultPathMatchFailure          = "States.ResultPathMatchFailure"
	ErrParameterPathFailure            = "States.ParameterPathFailure"
	ErrBranchFailed                    = "States.BranchFailed"
	ErrNoChoiceMatched                 = "States.NoChoiceMatched"
	ErrIntrinsicFailure                = "States.IntrinsicFailure"
	ErrExceedToleratedFailureThreshold = "States.ExceedToleratedFailureThreshold"
	ErrItemReaderFailed                = "States.ItemReaderFailed"
	ErrResultWriterFailed              = "States.ResultWriterFailed"
	ErrRuntime                         = "States.Runtime"
	ErrDataLimitExceeded               = "States.DataLimitExceeded"
	ErrQueryEvaluationError            = "States.QueryEvaluationError"
)

// Failure is an error with a Step Functions error name and an optional
// cause: what a Task handler returns to fail the task as a service would,
// and what a failed execution reports.
type Failure struct {
	Name     string // the error name, e.g. "Lambda.ServiceException"
	Cause    string
	HasCause bool // Cause is set (AWS tells an empty cause from none)

	execTimeout bool // the execution's TimeoutSeconds passed
	nullError   bool // no error name was given (SendTaskFailure without one)
	stateFailed bool // a started Map or Parallel state failed: its Failed event is due
	aborted     bool // the execution was stopped (Options.StopAt)
}

// Error returns "Name: Cause" (or the name alone).
func (f *Failure) Error() string {
	if f.HasCause {
		return f.Name + ": " + f.Cause
	}
	return f.Name
}

// Error returns a task error with the given name and cause, the way a
// service or a Lambda function fails: handlers return it to exercise Retry
// and Catch.
func Error(name, cause string) error {
	return &Failure{Name: name, Cause: cause, HasCause: true}
}

// matches reports whether a retrier's or catcher's ErrorEquals list
// matches the error name: States.ALL matches every error,
// States.TaskFailed every error but States.Timeout.
func matches(equals []string, name string) bool {
	for _, e := range equals {
		switch {
		case e == name:
			return true
		case e == ErrALL:
			return true
		case e == ErrTaskFailed && name != ErrTimeout && len(name) > 0 && !isStatesOnly(name):
			return true
		}
	}
	return false
}

// isStatesOnly lists the predefined errors that States.TaskFailed does not
// stand for: they are not task failures.
func isStatesOnly(name string) bool {
	switch name {
	case ErrRuntime, ErrNoChoiceMatched, ErrBranchFailed, ErrExceedToleratedFailureThreshold, ErrQueryEvaluationError:
		return true
	}
	return false
}
