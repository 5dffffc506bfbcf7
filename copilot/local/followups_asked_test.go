package local

import (
	"slices"
	"testing"
)

// A question, a request that gives it to someone by mention in the imperative
// ("@nina own a storm-readiness load test before october pls") and that person's
// yes are one item: the question's idea, owned by the one asked, citing all three
// messages. The request names the owner where the other two do not. A JSON
// document names its speakers by their names, with no user ids.
func TestRequestBetweenQuestionAndTake(t *testing.T) {
	inc := chat(append(append([]string{}, firefight...),
		"jhale: could we load test the map at storm traffic before the season? 6x normal tonight",
		"rgrant: yes. @nina own a storm-readiness load test before october pls",
		"nina: ok, will plan it for september",
	)...)
	for i := range inc.Messages {
		inc.Messages[i].User, inc.Messages[i].UserName = inc.Messages[i].UserName, ""
	}
	got := followUpsBySource(t, inc)
	if len(got) != 1 {
		t.Fatalf("%d items, want 1: %+v", len(got), got)
	}
	for _, it := range got {
		if it.Owner != "nina" {
			t.Errorf("owner %q, want nina", it.Owner)
		}
		for i := 0; i < 3; i++ {
			if !slices.Contains(it.Sources(), ts(inc, i)) {
				t.Errorf("sources %v do not cite line %d", it.Sources(), i)
			}
		}
	}
}
