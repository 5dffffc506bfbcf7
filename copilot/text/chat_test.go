package text

import (
	"slices"
	"strings"
	"testing"
)

func chatWords(s string) (words, tickets []string) {
	ChatWords(s, func(w string, ticket bool) {
		words = append(words, w)
		if ticket {
			tickets = append(tickets, w)
		}
	})
	return words, tickets
}

func TestChatWords(t *testing.T) {
	for _, tc := range []struct {
		in, words, tickets string
	}{
		{"DB Failover DONE", "db failover done", ""},
		{"<@U024BE7LH> please look", "please look", ""},
		{"see <#C123|inc-2041-payments> and <!here>", "see inc 2041 payments and", ""},
		{"<!subteam^S1|@sre-oncall> ping", "sre oncall ping", ""},
		{":white_check_mark: rolled back", "rolled back", ""},
		{"host:53: refused", "host 53 refused", ""},
		{"https://grafana.example.com/d/abc?orgId=1&from=now-6h#panel-4 spikes", "grafana example com d abc spikes", ""},
		{"<https://example.com/runbook|the runbook>", "example com runbook the runbook", ""},
		{"filed PAY-881 for the 502s", "filed pay881 for the 502s", "pay881"},
		{"Zürich DC naïve CAFÉ", "zürich dc naïve café", ""},
		{"", "", ""},
		{"<@unterminated", "unterminated", ""},
	} {
		words, tickets := chatWords(tc.in)
		if got := strings.Join(words, " "); got != tc.words {
			t.Errorf("ChatWords(%q) = %q, want %q", tc.in, got, tc.words)
		}
		if got := strings.Join(tickets, " "); got != tc.tickets {
			t.Errorf("ChatWords(%q) tickets = %q, want %q", tc.in, got, tc.tickets)
		}
	}
}

// The scratch buffers are pooled: words handed out by one call must survive the next.
func TestChatWordsKeepable(t *testing.T) {
	first, _ := chatWords("alpha beta gamma")
	kept := slices.Clone(first)
	for range 10 {
		chatWords("zzzzz yyyyy xxxxx wwwww")
	}
	if !slices.Equal(first, kept) {
		t.Fatalf("words changed after later calls: %q, want %q", first, kept)
	}
}
