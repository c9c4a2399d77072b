package asl

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// placeholderRE matches one ${Name} placeholder, as the deploy tools
// (CloudFormation's DefinitionSubstitutions, goasl's CDK constructors and
// IAM policies) read them.
var placeholderRE = regexp.MustCompile(`\$\{([^{}]*)\}`)

// Placeholders returns the names of the ${Name} placeholders in the string
// values of sm, sorted and without repeats. Object keys are not values:
// a "${Name}" there is no placeholder.
func Placeholders(sm *StateMachine) ([]string, error) {
	root, err := machineValue(sm)
	if err != nil {
		return nil, err
	}
	return placeholders(&root), nil
}

// placeholders returns the names of the ${Name} placeholders in the string
// values under v, sorted and without repeats.
func placeholders(v *Value) []string {
	seen := map[string]bool{}
	var names []string
	walkStrings(v, func(s string) string {
		for _, m := range placeholderRE.FindAllStringSubmatch(s, -1) {
			if !seen[m[1]] {
				seen[m[1]] = true
				names = append(names, m[1])
			}
		}
		return s
	})
	sort.Strings(names)
	return names
}

// Substitute returns sm with every ${Name} placeholder of a string value
// replaced by values[Name] (a new machine; sm itself when values is
// empty), as DefinitionSubstitutions
// fill them in at deploy time. It works on the parsed definition: a value
// is text whatever quotes or backslashes it holds, object keys are left
// alone, and a value holding "${Other}" is not replaced again. A
// placeholder values has no entry for stays as it is. A name of values
// that is no placeholder of sm is an error, an *UnknownPlaceholderError
// naming it and the placeholders sm has.
func Substitute(sm *StateMachine, values map[string]string) (*StateMachine, error) {
	if len(values) == 0 {
		return sm, nil
	}
	root, err := machineValue(sm)
	if err != nil {
		return nil, err
	}
	have := placeholders(&root)
	var unknown []string
	for name := range values {
		i := sort.SearchStrings(have, name)
		if i == len(have) || have[i] != name {
			unknown = append(unknown, name)
		}
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		return nil, &UnknownPlaceholderError{Names: unknown, Placeholders: have}
	}
	walkStrings(&root, func(s string) string {
		if !strings.Contains(s, "${") {
			return s
		}
		return placeholderRE.ReplaceAllStringFunc(s, func(m string) string {
			if v, ok := values[m[2:len(m)-1]]; ok {
				return v
			}
			return m
		})
	})
	data, err := MarshalValue(root)
	if err != nil {
		return nil, err
	}
	return Parse(data)
}

// UnknownPlaceholderError is Substitute's error for values that name no
// placeholder of the definition.
type UnknownPlaceholderError struct {
	// Names are the names given that are no placeholder, sorted.
	Names []string
	// Placeholders are the definition's placeholders, sorted.
	Placeholders []string
}

func (e *UnknownPlaceholderError) Error() string {
	msg := "the definition has no placeholder " + placeholderList(e.Names)
	if len(e.Names) > 1 {
		msg = "the definition has no placeholders " + placeholderList(e.Names)
	}
	if len(e.Placeholders) == 0 {
		return msg + "; it has none"
	}
	return msg + "; its placeholders are " + placeholderList(e.Placeholders)
}

// placeholderList writes names as "${A}, ${B}".
func placeholderList(names []string) string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = "${" + n + "}"
	}
	return strings.Join(out, ", ")
}

// machineValue returns sm as a JSON value, as Marshal writes it.
func machineValue(sm *StateMachine) (Value, error) {
	data, err := Marshal(sm)
	if err != nil {
		return Value{}, err
	}
	v, err := ParseValue(data)
	if err != nil {
		return Value{}, fmt.Errorf("asl: reading back the marshalled definition: %w", err)
	}
	return v, nil
}

// walkStrings replaces every string value under v (not object keys) with
// what fn returns for it.
func walkStrings(v *Value, fn func(string) string) {
	switch v.Kind {
	case String:
		v.Str = fn(v.Str)
	case Array:
		for i := range v.Items {
			walkStrings(&v.Items[i], fn)
		}
	case Object:
		for i := range v.Members {
			walkStrings(&v.Members[i].Value, fn)
		}
	}
}
