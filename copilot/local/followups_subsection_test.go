package local

import (
	"strings"
	"testing"
)

// A subsection of the corrective actions headed as done during the incident
// holds the response's own steps, and one headed as considered and not taken
// the ideas turned down: neither is a follow-up (dev61).
func TestActionSubsectionsDoneAndNotTaken(t *testing.T) {
	src := reportHead + "## Corrective actions\n\n" +
		"| # | Action | Owner | Due | Ticket |\n|---|---|---|---|---|\n" +
		"| 1 | Split the slots endpoint into a public cacheable one and an authenticated one that is never cached | Aisha Bello | 2026-05-27 | |\n" +
		"| 2 | Alert when the edge logs show a cache hit on a request carrying Authorization | Leon Schmidt | | |\n\n" +
		"### Done during the incident\n\n" +
		"- `/v2/delivery/*` moved to `CachingDisabled` and invalidated (Leon, 13 May 09:46).\n" +
		"- slots-api scaled to 36 pods for release days until item 1 ships (Aisha, 13 May).\n\n" +
		"### Considered and not taken\n\n" +
		"- Rotating customers' key-safe codes for them: not something we can do; customers were told to change them instead.\n"
	open, _ := reportFollowUps(t, src)
	if len(open) != 2 {
		t.Fatalf("open items %d, want the 2 table rows: %q", len(open), open)
	}
	for _, s := range open {
		if strings.Contains(s, "CachingDisabled") || strings.Contains(s, "36 pods") || strings.Contains(s, "key-safe") {
			t.Errorf("not an open follow-up: %q", s)
		}
	}
	for _, tt := range []struct {
		heading string
		want    sectionKind
	}{
		{"corrective actions / done during the incident", sectionNarrative},
		{"corrective actions / considered and not taken", sectionSkip},
		{"corrective actions", sectionActions},
		{"done during the incident", sectionNarrative},
	} {
		if got := kindOfSection(tt.heading); got != tt.want {
			t.Errorf("kindOfSection(%q) = %d, want %d", tt.heading, got, tt.want)
		}
	}
}
