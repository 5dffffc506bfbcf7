package local

import "testing"

// A question put in the wrap-up and answered with a refusal is no follow-up,
// whatever form the refusal takes: "we can't, …", "not worth it", "not adding
// another". The same question answered with a take stays an item.
func TestRefusalFormsAnswerTheQuestion(t *testing.T) {
	for _, tt := range []struct {
		name, reply string
		item        bool
	}{
		{"we can't, and why", "tomasz: we cant, its their SaaS limit, and bigger batches flip labels slower anyway", false},
		{"not worth it, at the end", "ngozi: hard to do that generically, and the separate instance fixes the whole class. not worth it imo", false},
		{"not adding another", "femi: the desk is already tier 2 on that PD service, it rang your desk phone at 01:23. not adding another", false},
		{"but no, after a few words", "helen: good thought, but no, we won't do that, they aren't on call", false},
		{"not dumb but no", "lena: not dumb but no, that's just a bigger outage once a year", false},
		{"not happening", "tomek: the seed would have to live on their side, security said no to that last year. not happening", false},
		{"absolutely not", "lena: absolutely not, that's patient order data", false},
		{"a take keeps it", "tomasz: good idea, I'll raise the limit with them this week", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			inc, got := followUpsOf(t,
				"priya: could we not just raise the size limit on the labelcloud side so this cant happen again?",
				tt.reply,
			)
			if _, ok := got[ts(inc, 0)]; ok != tt.item {
				t.Errorf("question listed %v, want %v (reply %q)", ok, tt.item, tt.reply)
			}
		})
	}
}

// "but no" deep in a message of one's own turns down the idea that message
// just put, not an earlier item of the same speaker.
func TestOwnIdeaTurnedDownInTheSameBreath(t *testing.T) {
	inc, got := followUpsOf(t,
		"pablo: also we need a synthetic upload every 5 min, we knew only because marta tried",
		"ana: pablo you do it?",
		"pablo: yes i do it next week",
		"pablo: we could also move everything to a new bucket with terraform but no, too much for this",
	)
	if _, ok := got[ts(inc, 0)]; !ok {
		t.Errorf("the synthetic upload item is gone")
	}
	if it, ok := got[ts(inc, 3)]; ok {
		t.Errorf("the idea turned down in the same breath is an item: %+v", it)
	}
}
