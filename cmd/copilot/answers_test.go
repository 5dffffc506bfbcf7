package main

import (
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

func TestPrintMidIncident(t *testing.T) {
	var b strings.Builder
	printMidIncident(&b, &copilot.Summary{Status: "resolved"})
	if b.Len() != 0 {
		t.Errorf("resolved incident printed %q", b.String())
	}
	printMidIncident(&b, &copilot.Summary{Open: true,
		Owners: []copilot.Owner{{Person: "jon", Doing: "I'll grab the logs.", SourceTS: "1.2"}},
		Tried:  []string{"Restarted the pods. No change."},
		Next:   []string{"Next we roll back to v1.8.2."}})
	for _, want := range []string{"Still open.", "jon: I'll grab the logs.", "Tried so far:\n  - Restarted the pods. No change.", "Next:\n  - Next we roll back to v1.8.2."} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, b.String())
		}
	}
}
