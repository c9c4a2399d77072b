package jsonpath

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// IsReference reports whether the path is a reference path: it identifies
// at most one node (only field and index steps).
func (p *Path) IsReference() bool {
	for _, s := range p.Steps {
		if s.Kind != StepField && s.Kind != StepIndex {
			return false
		}
	}
	return true
}

// IsDefinite reports whether the path yields a single value rather than a
// list, the way Jayway (and so AWS) decides it: no wildcard, slice, filter,
// recursive descent or union of indices, and a union of names only as the
// last step (Jayway then merges the named fields into one object).
func (p *Path) IsDefinite() bool {
	for i, s := range p.Steps {
		switch s.Kind {
		case StepField, StepIndex:
		case StepUnion:
			if s.Names == nil || i != len(p.Steps)-1 {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// Fields returns the field names of a path made only of field steps
// ($.a.b → ["a", "b"]; $ → an empty list), and false for any other path
// (one with an index, wildcard, ...). A type checker uses it to look a
// path up in an object type.
func (p *Path) Fields() ([]string, bool) {
	names := make([]string, 0, len(p.Steps))
	for _, s := range p.Steps {
		if s.Kind != StepField {
			return nil, false
		}
		names = append(names, s.Name)
	}
	return names, true
}

// IsRoot reports whether the path has no steps ("$", "$$" or "$name").
func (p *Path) IsRoot() bool { return len(p.Steps) == 0 }

// Equal reports whether two paths have the same root and steps. The text
// and offsets of steps are not compared, so a path equals the parse of its
// String.
func (p *Path) Equal(q *Path) bool {
	if p == nil || q == nil {
		return p == q
	}
	if p.Root != q.Root || p.Variable != q.Variable || len(p.Steps) != len(q.Steps) {
		return false
	}
	for i := range p.Steps {
		if !stepEqual(&p.Steps[i], &q.Steps[i]) {
			return false
		}
	}
	return true
}

func stepEqual(a, b *Step) bool {
	if a.Kind != b.Kind {
		return false
	}
	switch a.Kind {
	case StepField:
		return a.Name == b.Name
	case StepIndex:
		return a.Index == b.Index
	case StepWildcard:
		return true
	case StepSlice:
		return a.HasStart == b.HasStart && a.HasEnd == b.HasEnd &&
			(!a.HasStart || a.Start == b.Start) && (!a.HasEnd || a.End == b.End)
	case StepFilter:
		return a.Filter == b.Filter
	case StepRecursive:
		if a.Sub == nil || b.Sub == nil {
			return a.Sub == b.Sub && a.Name == b.Name
		}
		return stepEqual(a.Sub, b.Sub)
	case StepUnion:
		if len(a.Names) != len(b.Names) || len(a.Indices) != len(b.Indices) {
			return false
		}
		for i := range a.Names {
			if a.Names[i] != b.Names[i] {
				return false
			}
		}
		for i := range a.Indices {
			if a.Indices[i] != b.Indices[i] {
				return false
			}
		}
		return true
	}
	return false
}

// String returns the canonical text of the path (see the package
// documentation). It parses back to an equal Path.
func (p *Path) String() string {
	var b strings.Builder
	switch p.Root {
	case RootContext:
		b.WriteString("$$")
	case RootVariable:
		b.WriteString("$")
		b.WriteString(p.Variable)
	default:
		b.WriteString("$")
	}
	for i := range p.Steps {
		writeStep(&b, &p.Steps[i])
	}
	return b.String()
}

// String returns the canonical text of the step alone.
func (s Step) String() string {
	var b strings.Builder
	writeStep(&b, &s)
	return b.String()
}

func writeStep(b *strings.Builder, s *Step) {
	switch s.Kind {
	case StepField:
		writeField(b, s.Name, ".")
	case StepIndex:
		b.WriteByte('[')
		b.WriteString(strconv.Itoa(s.Index))
		b.WriteByte(']')
	case StepWildcard:
		b.WriteString("[*]")
	case StepSlice:
		b.WriteByte('[')
		if s.HasStart {
			b.WriteString(strconv.Itoa(s.Start))
		}
		b.WriteByte(':')
		if s.HasEnd {
			b.WriteString(strconv.Itoa(s.End))
		}
		b.WriteByte(']')
	case StepFilter:
		b.WriteString("[?(")
		b.WriteString(s.Filter)
		b.WriteString(")]")
	case StepRecursive:
		switch {
		case s.Sub == nil:
			writeField(b, s.Name, "..")
		case s.Sub.Kind == StepField:
			// Not produced by Parse: the same as ..name.
			writeField(b, s.Sub.Name, "..")
		default:
			b.WriteString("..")
			writeStep(b, s.Sub)
		}
	case StepUnion:
		b.WriteByte('[')
		if s.Names != nil {
			for i, n := range s.Names {
				if i > 0 {
					b.WriteByte(',')
				}
				q, _ := quoteName(n)
				b.WriteString(q)
			}
		} else {
			for i, n := range s.Indices {
				if i > 0 {
					b.WriteByte(',')
				}
				b.WriteString(strconv.Itoa(n))
			}
		}
		b.WriteByte(']')
	}
}

// writeField writes a field step: dot (or "..") and the name if the name is
// member-name-shorthand, else brackets, else a dot name with every special
// character escaped.
func writeField(b *strings.Builder, name, dot string) {
	if IsShorthand(name) {
		b.WriteString(dot)
		b.WriteString(name)
		return
	}
	if q, ok := quoteName(name); ok {
		if dot == ".." {
			b.WriteString("..")
		}
		b.WriteByte('[')
		b.WriteString(q)
		b.WriteByte(']')
		return
	}
	b.WriteString(dot)
	for _, r := range name {
		if r == '.' || r == '[' || r == '\\' || unicode.IsSpace(r) || unicode.IsControl(r) || strings.ContainsRune(`]()'",*`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
}

// quoteName quotes a name for brackets, keeping it exactly (quoted names
// are read as written), with single quotes if it can and double quotes
// otherwise. It reports false if neither reads back as name.
func quoteName(name string) (string, bool) {
	for _, q := range []byte{'\'', '"'} {
		if readsBack(name, q) {
			return string(q) + name + string(q), true
		}
	}
	return "'" + name + "'", false
}

// readsBack reports whether name, put between quotes q, is read back as
// exactly name: it has no unescaped q and does not end in an escaping
// backslash.
func readsBack(name string, q byte) bool {
	for i := 0; i < len(name); i++ {
		switch name[i] {
		case '\\':
			i++
			if i >= len(name) {
				return false
			}
		case q:
			return false
		}
	}
	return true
}

// IsShorthand reports whether name can be written after a dot in JSONPath
// as RFC 9535 member-name-shorthand defines it: a letter, "_" or non-ASCII
// character first, then also digits. AWS asks for bracket notation for
// every other name in intrinsic function arguments (checklist 4.12).
func IsShorthand(name string) bool {
	if name == "" {
		return false
	}
	for i, r := range name {
		switch {
		case r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z':
		case r >= '0' && r <= '9':
			if i == 0 {
				return false
			}
		case r >= utf8.RuneSelf:
			if r == utf8.RuneError || unicode.IsSpace(r) || unicode.IsControl(r) {
				return false
			}
		default:
			return false
		}
	}
	return true
}
