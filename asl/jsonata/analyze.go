package jsonata

// Info is what an expression reads and calls.
type Info struct {
	// States lists the fields of $states the expression reads ("input",
	// "result", "errorOutput", "context"), each once, in order of first use.
	// Only a field named right after $states counts ($states.input.x reads
	// "input"); a bare $states records nothing.
	States []string
	// Variables lists the free variables read (not $states, not variables
	// bound inside the expression, not function parameters), each once, in
	// order of first use. A variable that names a built-in function and is
	// not bound in the expression is listed in Functions instead.
	Variables []string
	// Functions lists the functions called by name ("count", "eval"), each
	// once, in order of first use: $f(...), $f(?, ...) and x ~> $f where $f
	// is not bound in the expression, and any reference to a built-in
	// function by name, called or not ($map(xs, $eval) lists "map" and
	// "eval").
	Functions []string
	// TopLevel lists references to the implicit input at the top level of
	// the expression ("$" or a bare field name), which Step Functions
	// rejects, each once, in order of first use. See Analyze for what "top
	// level" means.
	TopLevel []string
	// Root reports a use of $$ anywhere.
	Root bool
}

// Analyze parses expr and returns what it reads.
//
// Top level. Step Functions evaluates an expression with no usable context
// value and rejects, when the state machine is created, any reference to
// that implicit input ("Reference to 'phone' at the top level is not
// supported"). A reference is at the top level when it is evaluated against
// the expression's own context: $ alone or as the first step of a path
// ($.x), a bare name (phone, phone.number), a wildcard * or ** in the first
// step; anywhere in the operands of operators, in function arguments, in
// conditions, blocks, variable bindings, and array or object constructors
// that are not themselves path steps, since all of those pass the context
// through unchanged. A reference is nested, and fine, when something else
// provides its context: a path step after the first
// ($states.input.items.(price * qty)), a predicate
// ($states.input.items[price > 10]), a sort term (^(price)), a group-by
// ({category: $sum(price)} after a step), a lambda body, and all of a
// transform |pattern|update, delete| (a transform is a function, applied
// to the value given to it). TopLevel records "$" for $ and the name for a
// bare name ("*" and "**" for wildcards).
func Analyze(expr string) (*Info, error) {
	n, err := parse(expr)
	if err != nil {
		return nil, err
	}
	a := &analyzer{info: &Info{}, seen: map[string]bool{}}
	a.walk(n, &scope{}, true)
	for len(a.lambdas) > 0 {
		l := a.lambdas[0]
		a.lambdas = a.lambdas[1:]
		a.walk(l.body, l.scope, false)
	}
	return a.info, nil
}

// scope is one level of variable bindings. Bindings are added as the walk
// reaches them, so a reference sees only earlier bindings; lambda bodies
// are walked last, when their scopes are complete, because a lambda sees
// its scope at call time (which allows recursion).
type scope struct {
	parent *scope
	names  map[string]bool
}

func (s *scope) bound(name string) bool {
	for ; s != nil; s = s.parent {
		if s.names[name] {
			return true
		}
	}
	return false
}

func (s *scope) bind(name string) {
	if s.names == nil {
		s.names = map[string]bool{}
	}
	s.names[name] = true
}

type pendingLambda struct {
	body  Node
	scope *scope
}

type analyzer struct {
	info    *Info
	seen    map[string]bool // "kind\x00name" already recorded
	lambdas []pendingLambda
}

func (a *analyzer) add(list *[]string, kind, name string) {
	key := kind + "\x00" + name
	if a.seen[key] {
		return
	}
	a.seen[key] = true
	*list = append(*list, name)
}

// builtins are the functions of JSONata 2.0.6 plus those Step Functions
// adds.
var builtins = map[string]bool{}

func init() {
	for _, f := range []string{
		"sum", "count", "max", "min", "average", "string", "substring",
		"substringBefore", "substringAfter", "lowercase", "uppercase", "length",
		"trim", "pad", "match", "contains", "replace", "split", "join",
		"formatNumber", "formatBase", "formatInteger", "parseInteger", "number",
		"floor", "ceil", "round", "abs", "sqrt", "power", "random", "boolean",
		"not", "map", "zip", "filter", "single", "reduce", "sift", "keys",
		"lookup", "append", "exists", "spread", "merge", "reverse", "each",
		"error", "assert", "type", "sort", "shuffle", "distinct",
		"base64encode", "base64decode", "encodeUrlComponent", "encodeUrl",
		"decodeUrlComponent", "decodeUrl", "eval", "toMillis", "fromMillis",
		"clone", "now", "millis",
		// Step Functions
		"partition", "range", "hash", "uuid", "parse",
	} {
		builtins[f] = true
	}
}

// function records a reference to $name used as a function.
func (a *analyzer) function(v *Variable, sc *scope) {
	switch {
	case v.Name == "" || v.Name == "$" || v.Name == "states":
		a.walk(v, sc, false)
	case !sc.bound(v.Name):
		a.add(&a.info.Functions, "f", v.Name)
	}
}

// baseName returns the name under predicates, bindings, group-by and sort
// in a path step.
func baseName(n Node) (*Name, bool) {
	for {
		switch s := n.(type) {
		case *Name:
			return s, true
		case *Filter:
			n = s.Expr
		case *KeepArray:
			n = s.Expr
		case *FocusBind:
			n = s.Expr
		case *IndexBind:
			n = s.Expr
		case *GroupBy:
			n = s.Expr
		case *Sort:
			n = s.Expr
		default:
			return nil, false
		}
	}
}

// walk records what n reads. top says whether n is evaluated against the
// expression's implicit input.
func (a *analyzer) walk(n Node, sc *scope, top bool) {
	switch n := n.(type) {
	case *Variable:
		switch {
		case n.Name == "":
			if top {
				a.add(&a.info.TopLevel, "t", "$")
			}
		case n.Name == "$":
			a.info.Root = true
		case n.Name == "states" || sc.bound(n.Name):
		case builtins[n.Name]:
			a.add(&a.info.Functions, "f", n.Name)
		default:
			a.add(&a.info.Variables, "v", n.Name)
		}
	case *Name:
		if top {
			a.add(&a.info.TopLevel, "t", n.Value)
		}
	case *Wildcard:
		if top {
			a.add(&a.info.TopLevel, "t", "*")
		}
	case *Descendant:
		if top {
			a.add(&a.info.TopLevel, "t", "**")
		}
	case *Path:
		if v, ok := n.Steps[0].(*Variable); ok && v.Name == "states" {
			if name, ok := baseName(n.Steps[1]); ok {
				a.add(&a.info.States, "s", name.Value)
			}
		}
		ps := &scope{parent: sc}
		for i, s := range n.Steps {
			a.walk(s, ps, top && i == 0)
		}
	case *Filter:
		a.walk(n.Expr, sc, top)
		a.walk(n.Predicate, sc, false)
	case *KeepArray:
		a.walk(n.Expr, sc, top)
	case *GroupBy:
		a.walk(n.Expr, sc, top)
		for _, p := range n.Pairs {
			a.walk(p.Key, sc, false)
			a.walk(p.Value, sc, false)
		}
	case *Sort:
		a.walk(n.Expr, sc, top)
		for _, t := range n.Terms {
			a.walk(t.Expr, sc, false)
		}
	case *FocusBind:
		a.walk(n.Expr, sc, top)
		sc.bind(n.Var.Name)
	case *IndexBind:
		a.walk(n.Expr, sc, top)
		sc.bind(n.Var.Name)
	case *Binary:
		a.walk(n.LHS, sc, top)
		a.walk(n.RHS, sc, top)
	case *Negate:
		a.walk(n.Expr, sc, top)
	case *ArrayCons:
		for _, it := range n.Items {
			a.walk(it, sc, top)
		}
	case *Range:
		a.walk(n.From, sc, top)
		a.walk(n.To, sc, top)
	case *ObjectCons:
		for _, p := range n.Pairs {
			a.walk(p.Key, sc, top)
			a.walk(p.Value, sc, top)
		}
	case *Block:
		bs := &scope{parent: sc}
		for _, e := range n.Exprs {
			a.walk(e, bs, top)
		}
	case *Bind:
		a.walk(n.Value, sc, top)
		if n.Var.Name != "states" {
			sc.bind(n.Var.Name)
		}
	case *Condition:
		a.walk(n.Cond, sc, top)
		a.walk(n.Then, sc, top)
		if n.Else != nil {
			a.walk(n.Else, sc, top)
		}
	case *Call:
		if v, ok := n.Func.(*Variable); ok {
			a.function(v, sc)
		} else {
			a.walk(n.Func, sc, top)
		}
		for _, arg := range n.Args {
			a.walk(arg, sc, top)
		}
	case *Apply:
		a.walk(n.LHS, sc, top)
		if v, ok := n.RHS.(*Variable); ok {
			a.function(v, sc)
		} else {
			a.walk(n.RHS, sc, top)
		}
	case *Lambda:
		ls := &scope{parent: sc}
		for _, p := range n.Params {
			ls.bind(p.Name)
		}
		a.lambdas = append(a.lambdas, pendingLambda{body: n.Body, scope: ls})
	case *Transform:
		// A transform is a function: its context is the value it is
		// applied to, never the implicit input.
		a.walk(n.Pattern, sc, false)
		a.walk(n.Update, sc, false)
		if n.Delete != nil {
			a.walk(n.Delete, sc, false)
		}
	}
}
