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
