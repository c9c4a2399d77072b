package asl

import (
	"strings"
	"testing"
)

// Each visits every state, each before the states nested in it, in
// document order: Parallel branches, Map item processors and iterators.
func TestStatesEach(t *testing.T) {
	sm, err := Parse([]byte(`{"StartAt":"P","States":{
		"P":{"Type":"Parallel","Branches":[
			{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"M"},"M":{"Type":"Map","ItemProcessor":{"StartAt":"I","States":{"I":{"Type":"Pass","End":true}}},"End":true}}},
			{"StartAt":"B","States":{"B":{"Type":"Map","Iterator":{"StartAt":"J","States":{"J":{"Type":"Succeed"}}},"End":true}}}],"Next":"Z"},
		"Z":{"Type":"Succeed"}}}`))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	sm.States.Each(func(st *State) { names = append(names, st.Name) })
	if got := strings.Join(names, " "); got != "P A M I B J Z" {
		t.Errorf("visited %s, want P A M I B J Z", got)
	}
}
