package eval

import (
	"strings"

	"github.com/dlclark/regexp2"
)

// jsRegex is a regular expression literal, run with ECMAScript semantics.
type jsRegex struct {
	re     *regexp2.Regexp
	source string
	err    error
	groups []groupRef // the capturing groups in JavaScript's numbering
}

// groupRef names a capturing group as regexp2 numbers it: .NET numbers
// the named groups after the unnamed ones, JavaScript numbers all groups
// by the position of their "(".
type groupRef struct {
	name string
	num  int
}

// scanGroups lists the capturing groups of an ECMAScript pattern in the
// order of their opening parentheses.
func scanGroups(p string) []groupRef {
	var out []groupRef
	unnamed := 0
	inClass := false
	for i := 0; i < len(p); i++ {
		switch c := p[i]; {
		case c == '\\':
			i++
		case inClass:
			if c == ']' {
				inClass = false
			}
		case c == '[':
			inClass = true
		case c == '(':
			if i+1 < len(p) && p[i+1] == '?' {
				if i+2 < len(p) && p[i+2] == '<' && i+3 < len(p) && p[i+3] != '=' && p[i+3] != '!' {
					end := strings.IndexByte(p[i+3:], '>')
					if end >= 0 {
						out = append(out, groupRef{name: p[i+3 : i+3+end]})
					}
				}
				continue
			}
			unnamed++
			out = append(out, groupRef{num: unnamed})
		}
	}
	return out
}

func compileRegex(pattern, flags string) (*jsRegex, error) {
	opt := regexp2.RegexOptions(regexp2.ECMAScript)
	for _, f := range flags {
		switch f {
		case 'i':
			opt |= regexp2.IgnoreCase
		case 'm':
			opt |= regexp2.Multiline
		}
	}
	re, err := regexp2.Compile(pattern, opt)
	return &jsRegex{re: re, source: pattern, err: err, groups: scanGroups(pattern)}, err
}

// checkRegexes reports a regular expression that the ECMAScript engine
// cannot run (the parser has already checked JavaScript's grammar).
func (c *compiler) checkRegexes(n *enode) *Error {
	var found *Error
	var walk func(n *enode)
	walk = func(n *enode) {
		if n == nil || found != nil {
			return
		}
		if n.typ == nRegex && n.re != nil && n.re.err != nil {
			found = errorc("S0303", n.pos, "invalid regular expression /%s/: %v", n.re.source, n.re.err)
			return
		}
		n.eachChild(walk)
	}
	walk(n)
	return found
}

// rmatch is one match, in runes of the subject.
type rmatch struct {
	start, end int // rune offsets
	match      string
	groups     []val // strings, or nil for a group that did not take part
}

// exec finds the first match at or after rune offset from.
func (r *jsRegex) exec(runes []rune, from int) *rmatch {
	if from > len(runes) {
		return nil
	}
	m, err := r.re.FindRunesMatchStartingAt(runes, from)
	if err != nil || m == nil {
		return nil
	}
	res := &rmatch{start: m.Index, end: m.Index + m.Length, match: string(runes[m.Index : m.Index+m.Length])}
	for _, ref := range r.groups {
		var g *regexp2.Group
		if ref.name != "" {
			g = m.GroupByName(ref.name)
		} else {
			g = m.GroupByNumber(ref.num)
		}
		if g == nil || len(g.Captures) == 0 {
			res.groups = append(res.groups, nil)
		} else {
			res.groups = append(res.groups, string(runes[g.Index:g.Index+g.Length]))
		}
	}
	return res
}

// utf16Offset converts a rune offset of runes to JavaScript's UTF-16 one.
func utf16Offset(runes []rune, i int) int {
	n := i
	for _, r := range runes[:i] {
		if r >= 0x10000 {
			n++
		}
	}
	return n
}

func runeOffset(runes []rune, u int) int {
	n := 0
	for i, r := range runes {
		if n >= u {
			return i
		}
		n++
		if r >= 0x10000 {
			n++
		}
	}
	return len(runes)
}

// regexCall is a regular expression called as a function: the match
// object JSONata's matchers return, with a next() function.
func (ev *evaluator) regexCall(re *jsRegex, s string, from int, pos int) val {
	runes := []rune(s)
	return ev.matchObject(re, runes, runeOffset(runes, from), pos, false)
}

func (ev *evaluator) matchObject(re *jsRegex, runes []rune, from int, pos int, isNext bool) val {
	m := re.exec(runes, from)
	if m == nil {
		return nil
	}
	if isNext && m.match == "" {
		throw("D1004", pos, "Regular expression matches zero length string")
	}
	o := newObj(5)
	o.set("match", m.match)
	o.set("start", float64(utf16Offset(runes, m.start)))
	o.set("end", float64(utf16Offset(runes, m.end)))
	groups := make([]val, len(m.groups))
	copy(groups, m.groups)
	o.set("groups", &seq{items: groups})
	last := m.end
	o.set("next", &fn{kind: fNative, native: &builtin{name: "next", impl: func(ev *evaluator, a []val, c *callCtx) val {
		if last >= len(runes) {
			return nil
		}
		return ev.matchObject(re, runes, last, pos, true)
	}}})
	return o
}

// matcher runs a matcher function (a regular expression or a lambda with
// the same contract) over s; each yields the match and whether to go on.
type matchResult struct {
	start, end int // UTF-16 offsets
	match      string
	groups     []val
	obj        val        // the match object of a custom matcher
	mk         func() val // builds the match object of a regular expression
}

// object returns the match object handed to a replacement function.
func (m matchResult) object() val {
	if m.mk != nil {
		return m.mk()
	}
	return m.obj
}

func (ev *evaluator) matches(matcher val, s string, limit int, pos int, each func(m matchResult) bool) {
	if matcher == nil {
		// jsonata-js calls matcher.apply
		throw("TypeError", pos, "Cannot read properties of undefined (reading 'apply')")
	}
	if p, ok := matcher.(*fn); ok && p.kind == fRegex {
		// As jsonata-js does, the next match is looked for right after
		// each one is used, even when the limit is then reached; so a
		// second, empty match fails with D1004 whatever the limit.
		runes := []rune(s)
		m := p.re.exec(runes, 0)
		count := 0
		for m != nil && (limit < 0 || count < limit) {
			r := matchResult{start: utf16Offset(runes, m.start), end: utf16Offset(runes, m.end), match: m.match, groups: m.groups}
			cur := m
			r.mk = func() val {
				o := newObj(4)
				o.set("match", cur.match)
				o.set("start", float64(r.start))
				o.set("end", float64(r.end))
				o.set("groups", &seq{items: append([]val(nil), cur.groups...)})
				return o
			}
			if !each(r) {
				return
			}
			if m.end >= len(runes) {
				m = nil
			} else {
				m = p.re.exec(runes, m.end)
				if m != nil && m.match == "" {
					throw("D1004", pos, "Regular expression matches zero length string")
				}
			}
			count++
		}
		return
	}
	res := ev.callMatcher(matcher, s, pos)
	count := 0
	for res != nil && (limit < 0 || count < limit) {
		r := matchResult{obj: res}
		if v, ok := objGet(res, "start"); ok {
			if f, ok := v.(float64); ok {
				r.start = int(f)
			}
		}
		if v, ok := objGet(res, "end"); ok {
			if f, ok := v.(float64); ok {
				r.end = int(f)
			}
		}
		if v, ok := objGet(res, "match"); ok {
			r.match, _ = v.(string)
		}
		if v, ok := objGet(res, "groups"); ok && isArray(v) {
			r.groups = arrItems(v)
		}
		if !each(r) {
			return
		}
		count++
		next, _ := objGet(res, "next")
		res = ev.callMatcher(next, nil, pos)
	}
}

func (ev *evaluator) callMatcher(matcher val, arg val, pos int) val {
	r := ev.apply(matcher, []val{arg}, nil, nil, "", pos)
	if r == nil {
		return nil
	}
	if !isObject(r) {
		throw("T1010", pos, "The matcher function argument passed to function %s does not return the correct object structure", "")
	}
	return r
}
