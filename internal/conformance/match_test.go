package conformance

import (
	"regexp"
	"strings"

	"github.com/goasl/goasl/asl/value"
)

// fixedTokens are whole-string replacements LocalStack's transformers made
// before recording: any actual string matches them.
var fixedTokens = map[string]bool{
	"timestamp": true, "date": true, "datetime": true, "start-time": true, "start-date": true,
	"stop-date": true, "snf_role_arn": true, "sfn_role_arn": true, "RequestId": true,
	"X-Amzn-Trace-Id": true, "a_task_token": true, "<task_token>": true, "x-amz-apigw-id": true,
	"via": true, "entered-time": true, "activity_arn": true, "x--amz--cf--id": true, "x--amz--cf--pop": true,
	"map_run_arn": true, // JsonpathTransformer("$..mapRunArn", "map_run_arn", replace_reference=False)
}

var tokenRe = regexp.MustCompile(`<[^<>\s"']+>`)

// unifier matches recorded values (with placeholders) against actual ones:
// a placeholder binds the first string it meets and must then match the
// same string.
type unifier struct {
	bind map[string]string
}

func newUnifier() *unifier { return &unifier{bind: map[string]string{}} }

func (u *unifier) str(exp, act string) bool {
	if exp == act || fixedTokens[exp] {
		return true
	}
	if strings.HasPrefix(exp, "<<") && strings.HasSuffix(exp, ">") && !strings.ContainsAny(exp, " \"") {
		// A token made of a token ("<<task_token>:1>"): one placeholder.
		if prev, ok := u.bind[exp]; ok {
			return prev == act
		}
		u.bind[exp] = act
		return true
	}
	locs := tokenRe.FindAllStringIndex(exp, -1)
	if len(locs) == 0 {
		return false
	}
	var b strings.Builder
	b.WriteString("(?s)^")
	var names []string
	last := 0
	for _, l := range locs {
		b.WriteString(regexp.QuoteMeta(exp[last:l[0]]))
		tok := exp[l[0]:l[1]]
		b.WriteString("(.*?)")
		names = append(names, tok)
		last = l[1]
	}
	b.WriteString(regexp.QuoteMeta(exp[last:]))
	b.WriteString("$")
	re, err := regexp.Compile(b.String())
	if err != nil {
		return false
	}
	m := re.FindStringSubmatch(act)
	if m == nil {
		return false
	}
	newBind := map[string]string{}
	for i, tok := range names {
		if strings.HasPrefix(tok, "<json-input") || strings.HasPrefix(tok, "<request-id") {
			continue
		}
		got := m[i+1]
		if prev, ok := u.bind[tok]; ok && prev != got {
			return false
		}
		if prev, ok := newBind[tok]; ok && prev != got {
			return false
		}
		newBind[tok] = got
	}
	for k, v := range newBind {
		u.bind[k] = v
	}
	return true
}

// value compares a recorded value with an actual one.
func (u *unifier) value(exp, act value.Value) bool {
	if exp.Kind() == value.String && act.Kind() == value.String {
		if u.str(exp.Str(), act.Str()) {
			return true
		}
		// JSON text that the recording did not parse (arrays): the same
		// JSON written with other spacing is the same payload.
		if strings.HasPrefix(exp.Str(), "[") || strings.HasPrefix(exp.Str(), "\"") {
			e, err1 := value.ParseString(exp.Str())
			a, err2 := value.ParseString(act.Str())
			if err1 == nil && err2 == nil {
				return u.value(e, a)
			}
		}
		return false
	}
	if exp.Kind() != value.String && act.Kind() == value.String && !exp.IsUndefined() {
		// JSON text the recording parsed (payloads that are arrays,
		// numbers, ...): compare the parsed value.
		if a, err := value.ParseString(act.Str()); err == nil {
			return u.value(exp, a)
		}
		return false
	}
	if exp.Kind() == value.String && act.Kind() != value.String {
		// A placeholder that replaced a non-string (a number turned into
		// a token by a transformer).
		if strings.HasPrefix(exp.Str(), "<") && strings.HasSuffix(exp.Str(), ">") && !act.IsUndefined() {
			return u.str(exp.Str(), act.JSON())
		}
		return false
	}
	if exp.Kind() != act.Kind() {
		return false
	}
	switch exp.Kind() {
	case value.Array:
		if exp.Len() != act.Len() {
			return false
		}
		for i := range exp.Len() {
			if !u.value(exp.Index(i), act.Index(i)) {
				return false
			}
		}
		return true
	case value.Object:
		if exp.Len() != act.Len() {
			return false
		}
		for i, k := range exp.Keys() {
			a, ok := act.Get(k)
			if !ok || !u.value(exp.Values()[i], a) {
				return false
			}
		}
		return true
	}
	return value.Equal(exp, act)
}

// loadsOnce applies LocalStack's JSON-in-string normalisation: every
// object member that is a string starting with "{" is parsed, one level
// only (the parsed value is not normalised again).
func loadsOnce(v value.Value) value.Value {
	switch v.Kind() {
	case value.Object:
		var b value.ObjectBuilder
		for i, k := range v.Keys() {
			x := v.Values()[i]
			if x.Kind() == value.String && strings.HasPrefix(x.Str(), "{") {
				if p, err := value.ParseString(x.Str()); err == nil {
					b.Set(k, p)
					continue
				}
			}
			b.Set(k, loadsOnce(x))
		}
		return b.Value()
	case value.Array:
		items := make([]value.Value, v.Len())
		for i, it := range v.Items() {
			items[i] = loadsOnce(it)
		}
		return value.FromArray(items)
	}
	return v
}
