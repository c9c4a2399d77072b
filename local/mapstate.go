package local

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/goasl/goasl/asl/value"
)

func (x *exec) parallel(cs *cstate, r *roots, in value.Value, th *thread) (value.Value, *Failure) {
	ri := &roots{input: in, vars: r.vars, sctx: r.sctx}
	input := in
	var f *Failure
	if cs.params != nil {
		if input, f = cs.params.eval(x, ri); f != nil {
			return value.Value{}, f
		}
	}
	if cs.jsonata {
		if input, f = x.jargs(cs, r, in); f != nil {
			return value.Value{}, f
		}
	}
	x.emit(th, eventInfo{Type: "ParallelStateStarted"})
	results := make([]value.Value, len(cs.branches))
	g := x.runGroup(th, len(cs.branches), 0, func(i int, bth *thread) *Failure {
		out, f := x.runScope(cs.branches[i], input, newScope(r.vars), bth, nil)
		results[i] = out
		return f
	}, nil)
	if g.failed != nil {
		return value.Value{}, stateFailed(g.f)
	}
	// ParallelStateExited follows the same event as ParallelStateSucceeded
	// (the branches' last one).
	last := th.prev
	x.emit(th, eventInfo{Type: "ParallelStateSucceeded"})
	th.prev = last
	return value.FromArray(results), nil
}

// intFrom reads an integer field's path (MaxConcurrencyPath, ...).
func (x *exec) intFrom(p *path, r *roots, field string) (int64, *Failure) {
	v, ok, at := p.eval(r)
	if !ok {
		return 0, x.runtime(p.notFound(at))
	}
	n, ok := intValue(v)
	if !ok {
		return 0, x.runtime(fmt.Sprintf("The %s field refers to value %q which is not a valid integer: %s", field, jsonScalar(v), p.text))
	}
	return n, nil
}

func (x *exec) mapState(cs *cstate, r *roots, in value.Value, th *thread) (value.Value, *Failure) {
	ri := &roots{input: in, vars: r.vars, sctx: r.sctx}
	var items value.Value
	var f *Failure
	if cs.reader == nil && cs.jsonata {
		items = in
		if cs.jItems != nil {
			if items, f = cs.jItems.eval(x, &jenv{input: in, vars: r.vars, sctx: r.sctx}); f != nil {
				return value.Value{}, f
			}
			if items.Kind() != value.Array {
				return value.Value{}, x.typeFailure(cs.jItems, "array", items)
			}
		} else if items.Kind() != value.Array {
			return value.Value{}, x.evalFailure("", "Map state input must be an array but was: "+items.JSON())
		}
	} else if cs.reader == nil {
		if cs.itemsPath != nil {
			v, ok, at := cs.itemsPath.eval(ri)
			if !ok {
				return value.Value{}, x.runtime(cs.itemsPath.notFound(at))
			}
			items = v
		} else {
			items = in
		}
		if items.Kind() != value.Array {
			if cs.itemsPath != nil {
				return value.Value{}, x.runtime(notArray(cs.itemsPath))
			}
			return value.Value{}, x.runtime("Map state input must be an array but was: " + items.JSON())
		}
	}
	// MaxConcurrencyPath is read before the state starts, the other *Path
	// fields after (AWS records MapStateStarted before their errors, not
	// before MaxConcurrencyPath's: test_max_concurrency_path); with an
	// ItemReader the items are read by the Map Run, so the length is 0.
	maxConc := cs.maxConcurrency
	if cs.maxConcurrencyPath != nil {
		if maxConc, f = x.intFrom(cs.maxConcurrencyPath, ri, "MaxConcurrencyPath"); f != nil {
			return value.Value{}, f
		}
	}
	x.emit(th, eventInfo{Type: "MapStateStarted", Length: items.Len()})
	tolCount, tolPct := cs.toleratedCount, cs.toleratedPercent
	hasCount, hasPct := cs.hasToleratedCount, cs.hasToleratedPercent
	if cs.jsonata {
		jenv := &jenv{input: in, vars: r.vars, sctx: r.sctx}
		if cs.jMaxConc != nil {
			if maxConc, f = cs.jMaxConc.evalInt(x, jenv); f != nil {
				return value.Value{}, f
			}
		}
		if cs.jTolCount != nil {
			if tolCount, f = cs.jTolCount.evalInt(x, jenv); f != nil {
				return value.Value{}, f
			}
			hasCount = true
		}
		if cs.jTolPct != nil {
			if tolPct, f = cs.jTolPct.evalFloat(x, jenv); f != nil {
				return value.Value{}, f
			}
			hasPct = true
		}
	}
	if cs.toleratedCountPath != nil {
		if tolCount, f = x.intFrom(cs.toleratedCountPath, ri, "ToleratedFailureCountPath"); f != nil {
			return value.Value{}, f
		}
		if tolCount < 0 {
			return value.Value{}, x.runtime("ToleratedFailureCount cannot be negative.")
		}
		hasCount = true
	}
	if cs.toleratedPercentPath != nil {
		v, ok, at := cs.toleratedPercentPath.eval(ri)
		if !ok {
			return value.Value{}, x.runtime(cs.toleratedPercentPath.notFound(at))
		}
		pct, ok := floatValue(v)
		if !ok {
			return value.Value{}, x.runtime(fmt.Sprintf("The ToleratedFailurePercentagePath field refers to value %q which is not a valid float: %s", jsonScalar(v), cs.toleratedPercentPath.text))
		}
		tolPct, hasPct = pct, true
		if tolPct < 0 || tolPct > 100 {
			return value.Value{}, x.runtime("ToleratedFailurePercentage must be between 0 and 100.")
		}
	}
	if cs.reader != nil {
		if items, f = x.readItems(cs, ri); f != nil {
			if f.Name == ErrItemReaderFailed {
				x.emit(th, eventInfo{Type: "MapRunStarted", MapRunArn: x.mapRunArn(cs)})
				x.emit(th, eventInfo{Type: "MapRunFailed", Error: f.Name, HasError: true, Cause: f.Cause, HasCause: f.HasCause})
				return value.Value{}, stateFailed(f)
			}
			return value.Value{}, f
		}
	}
	list := items.Items()
	// Batching (Distributed Map).
	var batches [][]value.Value
	if cs.batcher != nil {
		maxItems := cs.batcher.maxItems
		if cs.batcher.maxItemsPath != nil {
			if maxItems, f = x.intFrom(cs.batcher.maxItemsPath, ri, "MaxItemsPerBatchPath"); f != nil {
				return value.Value{}, f
			}
		}
		maxBytes := cs.batcher.maxBytes
		if cs.batcher.maxBytesPath != nil {
			if maxBytes, f = x.intFrom(cs.batcher.maxBytesPath, ri, "MaxInputBytesPerBatchPath"); f != nil {
				return value.Value{}, f
			}
		}
		benv := &jenv{input: in, vars: r.vars, sctx: r.sctx}
		if cs.batcher.jMaxItems != nil {
			if maxItems, f = cs.batcher.jMaxItems.evalInt(x, benv); f != nil {
				return value.Value{}, f
			}
		}
		if cs.batcher.jMaxBytes != nil {
			if maxBytes, f = cs.batcher.jMaxBytes.evalInt(x, benv); f != nil {
				return value.Value{}, f
			}
		}
		var cur []value.Value
		size := 0
		for _, it := range list {
			if len(cur) > 0 && (maxItems > 0 && int64(len(cur)) >= maxItems || maxBytes > 0 && int64(size+it.Size()) > maxBytes) {
				batches = append(batches, cur)
				cur, size = nil, 0
			}
			cur = append(cur, it)
			size += it.Size()
		}
		if len(cur) > 0 {
			batches = append(batches, cur)
		}
	}
	n := len(list)
	if batches != nil {
		n = len(batches)
	}
	var runStarted int64
	if cs.distributed {
		runStarted = x.emit(th, eventInfo{Type: "MapRunStarted", MapRunArn: x.mapRunArn(cs)})
	}
	results := make([]value.Value, n)
	itemAt := func(i int) (value.Value, *Failure) {
		var f *Failure
		var item value.Value
		if batches != nil {
			var b value.ObjectBuilder
			if cs.batcher.input != nil {
				bi, f := cs.batcher.input.eval(x, ri)
				if f != nil {
					return value.Value{}, f
				}
				b.Set("BatchInput", bi)
			}
			if cs.batcher.jInput != nil {
				bi, f := cs.batcher.jInput.eval(x, &jenv{input: in, vars: r.vars, sctx: r.sctx})
				if f != nil {
					return value.Value{}, f
				}
				b.Set("BatchInput", bi)
			}
			b.Set("Items", value.FromArray(batches[i]))
			item = b.Value()
		} else {
			item = list[i]
		}
		sel := item
		if cs.jItemSel != nil {
			ictx := &stateCtx{x: x, name: cs.name, entered: r.sctx.entered, retry: r.sctx.retry, item: &mapItem{index: i, value: item}}
			if sel, f = cs.jItemSel.eval(x, &jenv{input: in, vars: r.vars, sctx: ictx}); f != nil {
				return value.Value{}, f
			}
		} else if cs.itemSelector != nil {
			ictx := &stateCtx{x: x, name: cs.name, entered: r.sctx.entered, retry: r.sctx.retry, item: &mapItem{index: i, value: item}}
			sr := &roots{input: in, vars: r.vars, sctx: ictx}
			if sel, f = cs.itemSelector.eval(x, sr); f != nil {
				return value.Value{}, f
			}
		}
		return sel, nil
	}
	if !cs.distributed {
		var selFail *Failure
		last := th.prev
		g := x.runGroup(th, n, int(maxConc), func(i int, ith *thread) *Failure {
			sel, f := itemAt(i)
			if f != nil {
				selFail = f
				return f
			}
			// An iteration's start follows the last event of the iteration
			// that ran before it.
			ith.prev = last
			x.emit(ith, eventInfo{Type: "MapIterationStarted", Index: i, Name: cs.name})
			out, f := x.runScope(cs.proc, sel, newScope(r.vars), ith, nil)
			last = ith.prev
			if x.runErr != nil {
				return f
			}
			typ := "MapIterationSucceeded"
			if f != nil {
				typ = "MapIterationFailed"
			}
			x.emit(&thread{now: ith.now, prev: ith.prev, co: ith.co, child: ith.child}, eventInfo{Type: typ, Index: i, Name: cs.name})
			results[i] = out
			return f
		}, func(i int, at *thread) {
			x.emit(at, eventInfo{Type: "MapIterationAborted", Index: i, Name: cs.name})
		})
		switch {
		case x.runErr != nil:
			return value.Value{}, g.f
		case selFail != nil:
			return value.Value{}, selFail
		case g.failed != nil:
			return value.Value{}, stateFailed(g.f)
		}
		th.prev = x.lastID(th)
		// MapStateExited follows the same event as MapStateSucceeded.
		prev := th.prev
		x.emit(th, eventInfo{Type: "MapStateSucceeded"})
		th.prev = prev
		return value.FromArray(results), nil
	}
	// A Distributed Map's child executions run concurrently in virtual
	// time, at most MaxConcurrency at a time (0: no limit), as Parallel
	// branches and inline Map iterations do; each has its own history,
	// which the parent's does not keep. A failed child whose failure the
	// tolerated threshold allows leaves the others running; the first
	// one beyond it fails the Map Run and stops the children still
	// running, at the virtual time of that failure.
	failed := 0
	var selFail *Failure
	exceeded := func() bool {
		if hasCount && int64(failed) <= tolCount {
			return false
		}
		if hasPct && n > 0 && float64(failed)*100/float64(n) <= tolPct {
			return false
		}
		return true
	}
	g := x.runGroup(th, n, int(maxConc), func(i int, cth *thread) *Failure {
		// The child's history starts with its ExecutionStarted (id 1);
		// its first state follows no event.
		events := int64(1)
		cth.child, cth.prev = &events, 0
		sel, f := itemAt(i)
		if f != nil {
			selFail = f
			return f
		}
		out, f := x.runScope(cs.proc, sel, newScope(nil), cth, nil)
		if x.runErr != nil || f != nil && f.aborted {
			return f
		}
		if f == nil {
			results[i] = out
			return nil
		}
		failed++
		results[i] = value.FromMembers(
			value.Member{Key: "Error", Value: value.FromString(f.Name)},
			value.Member{Key: "Cause", Value: value.FromString(f.Cause)},
		)
		if exceeded() {
			return &Failure{Name: ErrExceedToleratedFailureThreshold, HasCause: true, Cause: "The specified tolerated failure threshold was exceeded"}
		}
		return nil
	}, nil)
	switch {
	case x.runErr != nil:
		return value.Value{}, g.f
	case selFail != nil:
		return value.Value{}, selFail
	}
	// The children's events are not in this history.
	th.prev = runStarted
	if g.failed != nil {
		if g.f.aborted {
			return value.Value{}, g.f
		}
		x.emit(th, eventInfo{Type: "MapRunFailed", Error: g.f.Name, HasError: true, Cause: g.f.Cause, HasCause: g.f.HasCause})
		return value.Value{}, stateFailed(g.f)
	}
	x.emit(th, eventInfo{Type: "MapRunSucceeded"})
	x.emit(th, eventInfo{Type: "MapStateSucceeded"})
	// MapStateExited follows MapRunStarted: AWS's rule since November
	// 2024 (before, it followed MapRunSucceeded, as MapStateSucceeded
	// does); the recordings of both are in the conformance corpus.
	th.prev = runStarted
	out := value.FromArray(results)
	if cs.writer != nil {
		return x.writeResults(cs, ri, results)
	}
	return out, nil
}

// lastID is the id of the last event th's history got.
func (x *exec) lastID(th *thread) int64 {
	if th.child != nil {
		return *th.child
	}
	return int64(x.nev)
}

func (x *exec) mapRunArn(cs *cstate) string {
	return "arn:" + x.opts.Partition + ":states:" + x.opts.Region + ":" + x.opts.Account + ":mapRun:" + x.opts.StateMachineName + "/" + cs.name + ":" + x.uuid()
}

// intValue reads an integer as Java's Integer.parseInt does from a JSON
// number or string: "1" and 1 are 1; 1.5, "1.5" and "x" are not integers.
func intValue(v value.Value) (int64, bool) {
	switch v.Kind() {
	case value.Number:
		if strings.ContainsAny(v.NumberText(), ".eE") {
			return 0, false
		}
		return v.Int()
	case value.String:
		n, err := strconv.ParseInt(v.Str(), 10, 64)
		return n, err == nil
	}
	return 0, false
}

// floatValue reads a number from a JSON number or a string holding one.
func floatValue(v value.Value) (float64, bool) {
	switch v.Kind() {
	case value.Number:
		return v.Float(), true
	case value.String:
		f, err := strconv.ParseFloat(v.Str(), 64)
		return f, err == nil
	}
	return 0, false
}

// notArray is the message for an ItemsPath that selects no array; AWS
// writes the path with "$" for "$$".
func notArray(p *path) string {
	text := p.text
	if strings.HasPrefix(text, "$$") {
		text = text[1:]
	}
	return `Reference path "` + text + `" must point to array.`
}

// stateFailed marks a Map or Parallel failure whose state had started: the
// state's Failed event is written when no retrier takes the error.
func stateFailed(f *Failure) *Failure {
	c := *f
	c.stateFailed = true
	return &c
}
