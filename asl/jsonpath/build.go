package jsonpath

// Child returns a copy of the path with a field step appended: the path of
// the field name inside the node p selects. It is how code builds paths to
// print with String.
func (p *Path) Child(name string) *Path {
	return p.with(Step{Kind: StepField, Name: name})
}

// At returns a copy of the path with an index step appended (negative
// indices count from the end).
func (p *Path) At(index int) *Path {
	return p.with(Step{Kind: StepIndex, Index: index})
}

func (p *Path) with(s Step) *Path {
	q := &Path{Root: p.Root, Variable: p.Variable, Steps: make([]Step, len(p.Steps), len(p.Steps)+1)}
	copy(q.Steps, p.Steps)
	s.Offset = len(p.String())
	s.Text = s.String()
	q.Steps = append(q.Steps, s)
	return q
}

// Input returns the path $ followed by the given field names.
func Input(names ...string) *Path { return build(&Path{Root: RootInput}, names) }

// Context returns the path $$ followed by the given field names, such as
// Context("Execution", "Id") for $$.Execution.Id.
func Context(names ...string) *Path { return build(&Path{Root: RootContext}, names) }

// Variable returns the path $name followed by the given field names. The
// name is not checked; see CheckVariableName.
func Variable(name string, names ...string) *Path {
	return build(&Path{Root: RootVariable, Variable: name}, names)
}

func build(p *Path, names []string) *Path {
	for _, n := range names {
		p = p.Child(n)
	}
	return p
}
