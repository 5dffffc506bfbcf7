package transcript

import (
	"strings"
	"testing"
	"time"
)

// A report pasted from a status page: plain text, its title on the first line,
// headings in capitals, the date written out, the promises in a section of their own.
const statusPageReport = `Load balancer errors in us-east1 on 19 July 2024

ISSUE SUMMARY
About 14% of HTTPS requests to external load balancers returned 502 errors.

ROOT CAUSE
A configuration push contained a certificate bundle with a truncated intermediate certificate.

REMEDIATION AND PREVENTION
We will validate certificate chains before a configuration push is accepted.
`

func TestPlainTextReport(t *testing.T) {
	inc, err := ReadPostmortem("reports/lb-errors.txt", []byte(statusPageReport))
	if err != nil {
		t.Fatal(err)
	}
	if inc.ID != "lb-errors" || inc.Title != "Load balancer errors in us-east1 on 19 July 2024" {
		t.Errorf("id %q title %q; want the file's name and the first line", inc.ID, inc.Title)
	}
	if want := time.Date(2024, 7, 19, 0, 0, 0, 0, time.UTC); !inc.StartedAt.Equal(want) {
		t.Errorf("started %v, want the written date %v", inc.StartedAt, want)
	}
	sections := map[string]string{}
	for _, m := range inc.Messages {
		sections[m.Text] = m.UserName
		if strings.Contains(m.Text, "ROOT CAUSE") || strings.Contains(m.Text, "ISSUE SUMMARY") {
			t.Errorf("a heading in capitals stayed in the text: %q", m.Text)
		}
	}
	for text, want := range map[string]string{
		"About 14% of HTTPS requests to external load balancers returned 502 errors.":                    "ISSUE SUMMARY",
		"A configuration push contained a certificate bundle with a truncated intermediate certificate.": "ROOT CAUSE",
		"We will validate certificate chains before a configuration push is accepted.":                   "REMEDIATION AND PREVENTION",
	} {
		if got := sections[text]; got != want {
			t.Errorf("%q is in section %q, want %q (sections %v)", text, got, want, sections)
		}
	}
}

func TestPseudoHeadings(t *testing.T) {
	for _, tt := range []struct {
		src     string
		heading string // "" when the first line is not a heading
	}{
		{"**What went wrong and why?**\nA cache expired.", "What went wrong and why?"},
		{"__Root cause__\nA cache expired.", "Root cause"},
		{"ROOT CAUSE\nA cache expired.", "ROOT CAUSE"},
		{"**Impact:** 40 customers", ""},                                             // a label, read with its text
		{"**What happened?**:\nA cache", ""},                                         // a label too
		{"SEV1\nA cache expired.", ""},                                               // a severity, not a heading
		{"INC-2041\nA cache expired.", ""},                                           // an id
		{"Root cause\nA cache expired.", ""},                                         // an ordinary line
		{"THE CACHE EXPIRED AND NOBODY NOTICED UNTIL THE MORNING SHIFT CAME IN", ""}, // too long
		{"**bold** and more", ""},
	} {
		blocks := parseMarkdown(tt.src)
		got := ""
		if len(blocks) > 0 && blocks[0].kind == "heading" {
			got = blocks[0].text
		}
		if got != tt.heading {
			t.Errorf("%q: heading %q, want %q (blocks %+v)", tt.src, got, tt.heading, blocks)
		}
	}
}

// "Next steps:" written inline, with its list under it, is the report's action list:
// each entry an item (no ticket: uncaptured), the announcing paragraph not one.
func TestInlineActionLabel(t *testing.T) {
	src := "# Storage latency\n\nRoot cause: a firmware update leaked memory.\n\n" +
		"Next steps: we apologise for the impact. The following steps are underway:\n\n" +
		"- Add memory growth checks to the firmware health gates (STOR-12).\n" +
		"- Update the health probes to exercise the request path.\n\n" +
		"Provide feedback on this report in the survey.\n"
	inc, err := ReadPostmortem("2025-11-02-storage.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2025, 11, 2, 0, 0, 0, 0, time.UTC); !inc.StartedAt.Equal(want) {
		t.Errorf("started %v, want the file name's date %v", inc.StartedAt, want)
	}
	bySection := map[string][]string{}
	for _, m := range inc.Messages {
		bySection[m.UserName] = append(bySection[m.UserName], m.Text)
	}
	items := bySection["Introduction / Next steps"]
	if len(items) != 2 || !strings.HasPrefix(items[0], "Add memory growth checks") || !strings.HasPrefix(items[1], "Update the health probes") {
		t.Errorf("action items %q, want the two list entries (sections %v)", items, bySection)
	}
	if len(bySection["Introduction"]) != 3 {
		t.Errorf("introduction %q: want the root cause, the announcing paragraph and the one after the list", bySection["Introduction"])
	}
	if len(inc.Tickets) != 1 || inc.Tickets[0].Key != "STOR-12" {
		t.Errorf("tickets %+v, want STOR-12 from the first item", inc.Tickets)
	}
	for _, m := range inc.Messages {
		if strings.HasPrefix(m.Text, "Provide feedback") && m.UserName != "Introduction" {
			t.Errorf("the paragraph after the list is in %q: the list ended there", m.UserName)
		}
	}
}

// "Next steps: a; b; c" lists its items on one line: each entry is an item (a ticket
// named in one captures it), and an entry reported done without a ticket is what was
// done, not an item.
func TestInlineActionEntries(t *testing.T) {
	src := "# Order queue outage\n\nA policy change capped the orders queue.\n\n" +
		"Next steps: add an alert on dead-letter rates (owner: Priya, ORD-412); review policy changes before applying them; " +
		"replay the dead-lettered messages (done 11:20).\n"
	inc, err := ReadPostmortem("2026-03-04-queue.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var items, other []string
	for _, m := range inc.Messages {
		if m.UserName == "Introduction / Next steps" {
			items = append(items, m.Text)
		} else {
			other = append(other, m.Text)
		}
	}
	if len(items) != 2 || !strings.HasPrefix(items[0], "add an alert on dead-letter rates") || !strings.HasPrefix(items[1], "review policy changes") {
		t.Errorf("items %q, want the alert and the review", items)
	}
	if len(other) != 2 || !strings.HasPrefix(other[1], "replay the dead-lettered messages") {
		t.Errorf("other messages %q, want the summary and the replay reported done", other)
	}
	if len(inc.Tickets) != 1 || inc.Tickets[0].Key != "ORD-412" {
		t.Errorf("tickets %+v, want ORD-412", inc.Tickets)
	}
}

// A clause that gives the entry before its owner is part of that entry.
func TestInlineEntryFieldClause(t *testing.T) {
	got := inlineItems("add a probe for the new records; the status page gets a DNS component; owner to be decided.")
	if len(got) != 2 || got[1] != "the status page gets a DNS component; owner to be decided" {
		t.Errorf("entries %q, want two, the owner clause kept with the second", got)
	}
	if got := inlineItems("add a probe; Owner: Mei"); got != nil {
		t.Errorf("entries %q, want none: one entry with its owner", got)
	}
}
