package local

import (
	"errors"
	"fmt"
	"runtime"
	"time"
)

// The branches of a Parallel state run concurrently in virtual time. Each
// branch runs as a coroutine (a goroutine of which exactly one runs at a
// time, handing over by channels): before every event it writes, a branch
// yields to the scheduler, which resumes the branch whose virtual time is
// the earliest (ties: the lowest branch index, nested branches compared by
// their index paths). The history so interleaves the branches' events as
// AWS does, and when a branch fails, every sibling is stopped at that
// virtual time: no handler is called and no event is written after it, and
// each Task state still open gets a TaskStateAborted event.

// sched orders the coroutines of one tree of nested Parallel states.
type sched struct {
	ready []*coro // waiting for their turn
	ack   chan struct{}
}

// coro is one running branch.
type coro struct {
	s    *sched
	g    *group
	path []int
	th   *thread   // the branch's thread (thr)
	at   time.Time // the virtual time it yielded at
	// idx is its branch index in g; thr and pathBuf hold its thread and
	// (for paths up to 4 deep) its path, so that one allocation makes a
	// coroutine.
	idx     int
	thr     thread
	pathBuf [4]int
	// task: a Task state was open when it yielded.
	task bool
	// late: it yielded to run an action at its time, which comes after
	// everything every branch does at that time (runDue).
	late bool
	// wake, made when it first waits (waitCh), wakes it.
	wake  chan struct{}
	sub   *group // the group of a nested Parallel it waits for
	state bool   // started

	done, killed, finished bool

	curName                    string
	curEntered, curEnteredPrev int64
}

// group is the branches of one Parallel state.
type group struct {
	s       *sched
	path    []int
	n       int // the branches
	run     func(i int, th *thread) *Failure
	aborted func(i int, at *thread)
	kids    []*coro // the branches started so far
	parent  *coro   // nil: the parent is not a coroutine
	wake    chan struct{}
	active  int
	// failed is the branch that failed first, in virtual time.
	failed *coro
	f      *Failure
	last   *coro // the branch that ended last
	panic  any
	child  *int64 // the branches run in a Distributed Map child (thread.child)
}

func (c *coro) less(d *coro) bool {
	if !c.at.Equal(d.at) {
		return c.at.Before(d.at)
	}
	if c.late != d.late {
		return d.late
	}
	for i := 0; i < len(c.path) && i < len(d.path); i++ {
		if c.path[i] != d.path[i] {
			return c.path[i] < d.path[i]
		}
	}
	return len(c.path) < len(d.path)
}

func (s *sched) popMin() *coro {
	if len(s.ready) == 0 {
		return nil
	}
	m := 0
	for i, c := range s.ready[1:] {
		if c.less(s.ready[m]) {
			m = i + 1
		}
	}
	c := s.ready[m]
	s.ready = append(s.ready[:m], s.ready[m+1:]...)
	return c
}

func (s *sched) remove(c *coro) {
	for i, d := range s.ready {
		if d == c {
			s.ready = append(s.ready[:i], s.ready[i+1:]...)
			return
		}
	}
}

// resume hands the turn to c.
func (x *exec) resume(c *coro) {
	if !c.state {
		c.state = true
		go x.host(c)
		return
	}
	c.wake <- struct{}{}
}

// host runs c on this goroutine, then each coroutine not yet started that
// gets the turn when the one before ends (a Map's iterations reuse the
// goroutine of the iteration that ended).
func (x *exec) host(c *coro) {
	for c != nil {
		c = x.runCoro(c)
	}
}

func (x *exec) runCoro(c *coro) (next *coro) {
	defer func() { next = x.exitCoro(c, recover()) }()
	c.restore(x)
	g := c.g
	f := g.run(c.idx, c.th)
	c.finished = true
	if f != nil && g.failed == nil {
		g.failed, g.f = c, f
	}
	return nil
}

// waitCh returns the channel c waits on, made the first time: most
// iterations of a Map never wait. It is made before c hands the turn on,
// so every coroutine that wakes c later sees it.
func (c *coro) waitCh() chan struct{} {
	if c.wake == nil {
		c.wake = make(chan struct{}, 1)
	}
	return c.wake
}

func (c *coro) save(x *exec) {
	c.curName, c.curEntered, c.curEnteredPrev = x.curName, x.curEntered, x.curEnteredPrev
}

func (c *coro) restore(x *exec) {
	x.curName, x.curEntered, x.curEnteredPrev = c.curName, c.curEntered, c.curEnteredPrev
}

// yield lets every coroutine that is earlier in virtual time run before
// th's next event; a branch stopped meanwhile ends here.
func (x *exec) yield(th *thread) {
	c := th.co
	c.at, c.task = th.now, th.task
	s := c.s
	for _, d := range s.ready {
		if d.less(c) {
			wake := c.waitCh()
			s.ready = append(s.ready, c)
			c.save(x)
			x.resume(s.popMin())
			<-wake
			if c.killed {
				runtime.Goexit()
			}
			c.restore(x)
			return
		}
	}
}

// errGoexit is the run error when a handler ends a branch's goroutine
// (t.FailNow in a handler of a Parallel branch).
var errGoexit = errors.New("local: a handler called runtime.Goexit (t.FailNow, t.Fatal) inside a Parallel branch or a Map iteration, which runs on a goroutine of its own: report the failure with t.Error and return an error from the handler instead")

// runGroup runs the branches: run(i, th) runs branch i on th and returns
// its failure. With limit > 0, at most limit branches run at a time: the
// next one starts when one ends (a Map's MaxConcurrency). aborted, when
// set, writes the events of a branch stopped after it started. runGroup
// returns when every branch has ended or one failed and its siblings were
// stopped; th is then at the end (the failure) in virtual time and
// follows the group's last event.
func (x *exec) runGroup(th *thread, n, limit int, run func(i int, th *thread) *Failure, aborted func(i int, at *thread)) *group {
	g := &group{parent: th.co, active: n, n: n, run: run, aborted: aborted, child: th.child}
	if n == 0 {
		return g
	}
	if th.co != nil {
		g.s, g.path = th.co.s, th.co.path
		th.co.sub = g
		g.wake = th.co.waitCh()
	} else {
		g.s = &sched{ack: make(chan struct{})}
		g.wake = make(chan struct{}, 1)
	}
	if limit <= 0 || limit > n {
		limit = n
	}
	g.kids = make([]*coro, 0, limit)
	for range limit {
		x.admit(g, th.now, th.prev)
	}
	if th.co != nil {
		th.co.save(x)
	}
	saveName, saveEntered, savePrev := x.curName, x.curEntered, x.curEnteredPrev
	x.resume(g.s.popMin())
	<-g.wake
	if th.co != nil {
		th.co.sub = nil
		if th.co.killed {
			runtime.Goexit()
		}
	}
	x.curName, x.curEntered, x.curEnteredPrev = saveName, saveEntered, savePrev
	if g.panic != nil {
		panic(g.panic)
	}
	switch {
	case g.failed != nil:
		th.now, th.prev = g.failed.th.now, g.failed.th.prev
	default:
		for _, c := range g.kids {
			if c.th.now.After(th.now) {
				th.now = c.th.now
			}
		}
		if g.last != nil {
			th.prev = g.last.th.prev
		}
	}
	return g
}

// admit makes the group's next branch ready to start at the given time.
func (x *exec) admit(g *group, at time.Time, prev int64) {
	i := len(g.kids)
	c := &coro{s: g.s, g: g, idx: i, at: at}
	c.path = c.pathBuf[:0]
	if len(g.path)+1 > len(c.pathBuf) {
		c.path = make([]int, 0, len(g.path)+1)
	}
	c.path = append(append(c.path, g.path...), i)
	c.thr = thread{now: at, prev: prev, co: c, child: g.child}
	c.th = &c.thr
	c.save(x)
	g.kids = append(g.kids, c)
	g.s.ready = append(g.s.ready, c)
}

// exitCoro ends a branch: it stops the siblings of a failed branch and
// hands the turn on; it returns the coroutine to start on this goroutine.
func (x *exec) exitCoro(c *coro, p any) *coro {
	g := c.g
	if c.killed {
		c.s.ack <- struct{}{}
		return nil
	}
	if p != nil {
		g.panic = p
		c.finished = true
		if g.failed == nil {
			g.failed, g.f = c, &Failure{Name: ErrRuntime}
		}
	}
	if !c.finished {
		x.runErr = errGoexit
		if g.failed == nil {
			g.failed, g.f = c, &Failure{Name: ErrRuntime}
		}
	}
	c.done = true
	g.active--
	g.last = c
	if g.failed == c {
		x.stopSiblings(g, c)
		g.active = 0
	} else if len(g.kids) < g.n {
		x.admit(g, c.th.now, c.th.prev)
	}
	if g.active == 0 {
		g.wake <- struct{}{}
		return nil
	}
	next := c.s.popMin()
	if !next.state {
		next.state = true
		return next
	}
	next.wake <- struct{}{}
	return nil
}

// stopSiblings stops every branch of g but c, which failed: each Task
// state still open (c's failed one included) gets a TaskStateAborted event
// at the time of the failure, following the failure's last event.
func (x *exec) stopSiblings(g *group, c *coro) {
	at := &thread{now: c.th.now, prev: c.th.prev, child: c.th.child}
	abort := !g.f.aborted && x.runErr == nil
	if abort && c.th.failTask {
		x.emit(at, eventInfo{Type: "TaskStateAborted"})
		at.prev = c.th.prev
	}
	for _, k := range g.kids {
		if k != c {
			x.stopCoro(k, at, abort, c.th.prev)
		}
	}
	// The branches not started yet never start.
	g.n = len(g.kids)
}

// stopCoro writes the TaskStateAborted events of k and its nested
// branches, then ends their goroutines.
func (x *exec) stopCoro(k *coro, at *thread, abort bool, prev int64) {
	if k.done {
		return
	}
	// A Distributed Map child's events are in its own history.
	abort = abort && k.th.child == nil
	if abort && k.state && k.g.aborted != nil {
		k.g.aborted(k.path[len(k.path)-1], at)
		at.prev = prev
	}
	if k.sub != nil {
		for _, kk := range k.sub.kids {
			x.stopCoro(kk, at, abort, prev)
		}
	} else if abort && k.task {
		x.emit(at, eventInfo{Type: "TaskStateAborted"})
		at.prev = prev
	}
	k.done = true
	k.s.remove(k)
	if k.state {
		k.killed = true
		k.wake <- struct{}{}
		<-k.s.ack
	}
}

func (c *coro) String() string { return fmt.Sprint(c.path) }
