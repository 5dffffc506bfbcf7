package local

import (
	"testing"
)

// A remark that names what is missing, answered at once by another person's promise
// that grants the point, is one follow-up: the promise, owned by who made it, with
// the remark as the message it answers.
func TestRemarkAnsweredByAPromiseIsOneItem(t *testing.T) {
	inc, got := followUpsOf(t,
		"mara: also nobody knew for 15 minutes. support noticed before any alarm did.",
		"oskar: yeah. I'll add an alert on the checkout pool: page if it is above 90% for 5 min",
	)
	if len(got) != 1 {
		t.Fatalf("want one item (the promise), got %d: %+v", len(got), got)
	}
	it, ok := got[ts(inc, 1)]
	if !ok || it.ProposedTS != ts(inc, 0) || it.Owner != "oskar" {
		t.Fatalf("items %+v: want one at the promise %s, owned by oskar, answering the remark %s", got, ts(inc, 1), ts(inc, 0))
	}
	if s := it.Sources(); len(s) != 2 || s[0] != ts(inc, 0) || s[1] != ts(inc, 1) {
		t.Errorf("sources %v, want the remark then the promise", s)
	}
}

// Without a word that answers (an acknowledgement, "it", "that"), the next person's
// promise is the next entry of a list of ideas: both stay, unchained.
func TestListOfIdeasStaysTwoItems(t *testing.T) {
	inc, got := followUpsOf(t,
		"mara: could PRs that touch the checkout pool settings ping #db-guild for review? someone would have done the math",
		"oskar: I'll add a load test for checkout that runs with the prod pool settings",
	)
	for i := 0; i < 2; i++ {
		it, ok := got[ts(inc, i)]
		if !ok {
			t.Fatalf("line %d is no item: %+v", i, got)
		}
		if it.ProposedTS != "" || it.TakenTS != "" {
			t.Errorf("item %q is chained (%q, %q) to an idea it does not answer", it.Text, it.ProposedTS, it.TakenTS)
		}
	}
}

// A request to someone and that person's reply taking it are one item, at the
// request (it says what), owned by who took it, with the reply as where it was
// taken.
func TestRequestAndTakeAreOneItem(t *testing.T) {
	inc, got := followUpsOf(t,
		"mara: could the vendor make the pool hot reload its config? restarting checkout at night is not fun",
		"priya: worth asking. @jtran can you open a case with the vendor about hot reload",
		"jtran: ya ill open it tonight",
	)
	if _, ok := got[ts(inc, 2)]; ok {
		t.Errorf("the bare take is an item of its own: %+v", got)
	}
	n := 0
	for _, it := range got {
		if it.TakenTS == "" {
			continue
		}
		n++
		if it.TakenTS != ts(inc, 2) || it.Owner != "jtran" {
			t.Errorf("item %+v: want it taken by jtran at %s", it, ts(inc, 2))
		}
	}
	if n != 1 {
		t.Errorf("want one item taken in the reply, got %d: %+v", n, got)
	}
}
