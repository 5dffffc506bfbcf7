package local

import "testing"

// A question that proposes something nobody takes is answered, not adopted,
// when the first reply argues against it with the same things in its words;
// a reply that agrees, takes it, names where it is tracked, or speaks of its
// own idea leaves it a proposal.
func TestQuestionAnsweredByArgument(t *testing.T) {
	for _, tt := range []struct {
		name  string
		lines []string
		want  []bool
	}{
		{"argued against", []string{
			"oskar: thanks all. what do we change?",
			"freya: could we move pg_wal to its own volume so it can't take the data dir down with it?",
			"oskar: it'd just fill that volume and writes stop the same way. the keep_size limit is the actual fix",
		}, []bool{false, false, false}},
		{"argued against in its thread", []string{
			"oskar: thanks all. what do we change?",
			"jules: could we just run migrations post-deploy instead of pre-deploy?",
			"^5 dmitri: wouldnt change anything, same lock whenever it runs. the problem is the DDL not the ordering",
		}, []bool{false, false, false}},
		{"agreed with", []string{
			"oskar: thanks all. what do we change?",
			"freya: could we move pg_wal to its own volume so it can't take the data dir down with it?",
			"oskar: +1, pg_wal on its own volume would not take the data dir down",
		}, []bool{false, true, false}},
		{"tracked already", []string{
			"oskar: thanks all. what do we change?",
			"freya: could we get the slack dlp bot to catch connection strings?",
			"oskar: SEC-77 is the dlp one, not sure it covers connection strings",
		}, []bool{false, true, false}},
		{"a reply about its own idea", []string{
			"oskar: thanks all. what do we change?",
			"freya: can we get a dashboard of SDK fallback usage? I'd like to see when we run on defaults",
			"oskar: actually the SDK cache TTL is not the issue, the SDK already keeps last-known values for 24h",
		}, []bool{false, true, false}},
		{"a reply with no counter", []string{
			"oskar: thanks all. what do we change?",
			"freya: could we move pg_wal to its own volume so it can't take the data dir down with it?",
			"oskar: pg_wal sits on the data volume today, 200G",
		}, []bool{false, true, false}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			inc, got := followUpsOf(t, tt.lines...)
			wantFollowUpLines(t, inc, got, tt.want...)
		})
	}
}
