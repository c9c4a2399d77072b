package local

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/goasl/goasl/asl/value"
)

// MockConfig is an AWS mock configuration file, the format of Step
// Functions Local's mocked service integrations:
//
//	{"StateMachines": {"<name>": {"TestCases": {"<case>": {"<state>": "<response>"}}}},
//	 "MockedResponses": {"<response>": {"0": {"Return": ...}, "1-2": {"Throw": {"Error": ..., "Cause": ...}}}}}
//
// Responses are taken in order, one per invocation of the state in an
// execution (retries count). goasl adds two response kinds for callbacks
// and lost tasks: {"Callback": {"Submit": <service response>,
// "SendTaskSuccess": <output>} | {..., "SendTaskFailure": {"Error", "Cause"}}
// | {..., "Hang": {}}} and {"Hang": {}} (the task never answers, so its
// TimeoutSeconds or HeartbeatSeconds fires). A response may also give
// "Delay" (seconds of virtual time the call takes).
type MockConfig struct {
	StateMachines map[string]map[string]map[string]string // machine → test case → state → response
	Responses     map[string][]mockRange
}

type mockRange struct {
	from, to int
	resp     *mockResponse
}

type mockResponse struct {
	ret      value.Value
	throw    *Failure
	submit   value.Value
	callback bool
	hang     bool
	delay    time.Duration
}

// ParseMockConfig reads a mock configuration file.
func ParseMockConfig(data []byte) (*MockConfig, error) {
	v, err := value.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("mock configuration: %v", err)
	}
	return MockConfigFromValue(v)
}

// MockConfigFromValue reads a mock configuration from a parsed value.
func MockConfigFromValue(v value.Value) (*MockConfig, error) {
	if v.Kind() != value.Object {
		return nil, fmt.Errorf("mock configuration: the file must hold a JSON object with StateMachines and MockedResponses")
	}
	mc := &MockConfig{StateMachines: map[string]map[string]map[string]string{}, Responses: map[string][]mockRange{}}
	sms, _ := v.Get("StateMachines")
	for i, name := range sms.Keys() {
		sm := sms.Values()[i]
		tcs, ok := sm.Get("TestCases")
		if !ok || tcs.Kind() != value.Object {
			return nil, fmt.Errorf("mock configuration: StateMachines.%s: TestCases must be an object of test cases", name)
		}
		cases := map[string]map[string]string{}
		for j, tc := range tcs.Keys() {
			states := map[string]string{}
			m := tcs.Values()[j]
			if m.Kind() != value.Object {
				return nil, fmt.Errorf("mock configuration: StateMachines.%s.TestCases.%s must map state names to response names", name, tc)
			}
			for k, st := range m.Keys() {
				r := m.Values()[k]
				if r.Kind() != value.String {
					return nil, fmt.Errorf("mock configuration: StateMachines.%s.TestCases.%s.%s must be the name of a MockedResponses entry", name, tc, st)
				}
				states[st] = r.Str()
			}
			cases[tc] = states
		}
		mc.StateMachines[name] = cases
	}
	mrs, _ := v.Get("MockedResponses")
	for i, name := range mrs.Keys() {
		m := mrs.Values()[i]
		var ranges []mockRange
		for j, key := range m.Keys() {
			from, to, ok := parseRange(key)
			if !ok {
				return nil, fmt.Errorf("mock configuration: MockedResponses.%s: %q is not an invocation index or range such as \"0\" or \"1-2\"", name, key)
			}
			resp, err := parseMockResponse(m.Values()[j])
			if err != nil {
				return nil, fmt.Errorf("mock configuration: MockedResponses.%s.%s: %v", name, key, err)
			}
			ranges = append(ranges, mockRange{from: from, to: to, resp: resp})
		}
		sort.Slice(ranges, func(a, b int) bool { return ranges[a].from < ranges[b].from })
		mc.Responses[name] = ranges
	}
	for smName, cases := range mc.StateMachines {
		for tc, states := range cases {
			for st, r := range states {
				if _, ok := mc.Responses[r]; !ok {
					return nil, fmt.Errorf("mock configuration: StateMachines.%s.TestCases.%s.%s names the response %q, which MockedResponses does not define", smName, tc, st, r)
				}
			}
		}
	}
	return mc, nil
}

func parseRange(s string) (int, int, bool) {
	a, b, isRange := strings.Cut(s, "-")
	from, err := strconv.Atoi(a)
	if err != nil || from < 0 {
		return 0, 0, false
	}
	if !isRange {
		return from, from, true
	}
	to, err := strconv.Atoi(b)
	if err != nil || to < from {
		return 0, 0, false
	}
	return from, to, true
}

func failureOf(v value.Value) *Failure {
	f := &Failure{nullError: true}
	if e, ok := v.Get("Error"); ok && !e.IsNull() && e.Str() != "" {
		f.Name, f.nullError = jsonScalar(e), false
	}
	if c, ok := v.Get("Cause"); ok && !c.IsNull() {
		f.Cause, f.HasCause = jsonScalar(c), true
	}
	return f
}

func parseMockResponse(v value.Value) (*mockResponse, error) {
	r := &mockResponse{}
	if d, ok := v.Get("Delay"); ok {
		r.delay = time.Duration(d.Float() * float64(time.Second))
	}
	if ret, ok := v.Get("Return"); ok {
		r.ret = ret
		return r, nil
	}
	if t, ok := v.Get("Throw"); ok {
		r.throw = failureOf(t)
		return r, nil
	}
	if _, ok := v.Get("Hang"); ok {
		r.hang = true
		return r, nil
	}
	if cb, ok := v.Get("Callback"); ok {
		r.callback = true
		r.submit, _ = cb.Get("Submit")
		if s, ok := cb.Get("SendTaskSuccess"); ok {
			r.ret = s
		} else if f, ok := cb.Get("SendTaskFailure"); ok {
			r.throw = failureOf(f)
		} else {
			r.hang = true
		}
		return r, nil
	}
	return nil, fmt.Errorf("a response needs Return, Throw, Callback or Hang")
}

// testCase picks the mocked states of the run.
func (x *exec) testCase() map[string]string {
	mc := x.opts.Mock
	if mc == nil {
		return nil
	}
	cases, ok := mc.StateMachines[x.opts.StateMachineName]
	if !ok && len(mc.StateMachines) == 1 {
		for _, c := range mc.StateMachines {
			cases = c
		}
	}
	if x.opts.TestCase == "" && len(cases) == 1 {
		for _, c := range cases {
			return c
		}
	}
	return cases[x.opts.TestCase]
}

// mockFor returns the mocked response for the next invocation of a state.
func (x *exec) mockFor(state string) (*mockResponse, bool) {
	if x.opts.Mock == nil {
		return nil, false
	}
	states := x.testCase()
	name, ok := states[state]
	if !ok {
		return nil, false
	}
	if x.mockCounts == nil {
		x.mockCounts = map[string]int{}
	}
	n := x.mockCounts[state]
	x.mockCounts[state] = n + 1
	ranges := x.opts.Mock.Responses[name]
	for _, r := range ranges {
		if n >= r.from && n <= r.to {
			return r.resp, true
		}
	}
	if len(ranges) > 0 {
		// Past the last range: Step Functions Local repeats nothing; fail
		// clearly rather than invent an answer.
		return &mockResponse{throw: &Failure{Name: ErrTaskFailed, HasCause: true, Cause: fmt.Sprintf("mock configuration: response %q has no entry for invocation %d of state %q", name, n, state)}}, true
	}
	return nil, false
}

func (x *exec) fromMock(r *mockResponse) answer {
	a := answer{fromMock: true, took: r.delay}
	if r.callback {
		a.submit = r.submit
		if a.submit.IsUndefined() {
			a.submit = value.FromMembers()
		}
	}
	switch {
	case r.hang:
		a.hang = true
	case r.throw != nil:
		a.fail = r.throw
	default:
		a.result = r.ret
	}
	return a
}
