package transcript

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

const testPostmortem = "testdata/postmortems/PM2026-001 - Checkout API 5xx after deploy.md"

func readTestPostmortem(t *testing.T) *copilot.Incident {
	t.Helper()
	data, err := os.ReadFile(testPostmortem)
	if err != nil {
		t.Fatal(err)
	}
	inc, err := ReadPostmortem(testPostmortem, data)
	if err != nil {
		t.Fatal(err)
	}
	return inc
}

func TestReadPostmortemGolden(t *testing.T) {
	checkGolden(t, "postmortem.golden.json", jsonOf(t, readTestPostmortem(t)))
}

func TestReadPostmortem(t *testing.T) {
	inc := readTestPostmortem(t)
	if inc.ID != "PM2026-001" || inc.Title != "Checkout API 5xx after deploy" {
		t.Errorf("id %q title %q", inc.ID, inc.Title)
	}
	if inc.Source != copilot.SourcePostmortem || inc.Status != "resolved" || inc.Severity != "SEV2" {
		t.Errorf("source %q status %q severity %q", inc.Source, inc.Status, inc.Severity)
	}
	if got := strings.Join(inc.Services, ","); got != "checkout-api,payments-db" {
		t.Errorf("services = %q", got)
	}
	// The timeline says CET: 10:05 CET is 09:05 UTC.
	if want := time.Date(2026, 3, 2, 9, 5, 0, 0, time.UTC); !inc.StartedAt.Equal(want) {
		t.Errorf("started_at = %v, want %v", inc.StartedAt, want)
	}
	if want := time.Date(2026, 3, 2, 9, 43, 0, 0, time.UTC); !inc.ResolvedAt.Equal(want) {
		t.Errorf("resolved_at = %v, want %v", inc.ResolvedAt, want)
	}
	sections := map[string]int{}
	for i, m := range inc.Messages {
		sections[m.UserName]++
		if m.Kind != copilot.KindSection {
			t.Errorf("message %d kind %q", i, m.Kind)
		}
		if i > 0 && !tsBefore(inc.Messages[i-1].TS, m.TS) {
			t.Errorf("ts not increasing at %d", i)
		}
		if strings.ContainsAny(m.Text, "*`|") && m.UserName != "Timeline" {
			t.Errorf("markdown left in %q", m.Text)
		}
	}
	if inc.Messages[0].TS != copilot.FormatTS(inc.StartedAt) {
		t.Errorf("first ts %s, want the timeline base %s", inc.Messages[0].TS, copilot.FormatTS(inc.StartedAt))
	}
	for name, n := range map[string]int{"Summary": 1, "Timeline": 5, "Contributing Factors": 2, "Action Items": 4, "Lessons Learned / What went well": 1, "Stats": 2} {
		if sections[name] != n {
			t.Errorf("section %q has %d messages, want %d (all: %v)", name, sections[name], n, sections)
		}
	}
	var timeline []string
	for _, m := range inc.Messages {
		if m.UserName == "Timeline" {
			timeline = append(timeline, m.Text)
		}
	}
	if timeline[1] != "2026-03-02 10:05 | Deploy of checkout-api v2.14 finished" {
		t.Errorf("timeline row keeps its time: %q", timeline[1])
	}
	// Only the item that names its ticket has one; the others are uncaptured
	// follow-ups, and a nested "See …" belongs to the item above it.
	want := []copilot.Ticket{
		{Key: "PAY-881", Title: "Alert on DB pool saturation (PAY-881)", Status: "open"},
	}
	if jsonOf(t, inc.Tickets) != jsonOf(t, want) {
		t.Errorf("tickets:\n%s\nwant\n%s", jsonOf(t, inc.Tickets), jsonOf(t, want))
	}
}

var postmortemTests = []struct {
	name      string
	file      string
	src       string
	wantID    string
	wantTitle string
	wantBase  time.Time
	wantErr   string
}{
	{
		name: "id in heading, no timeline: first date in the text",
		file: "notes/outage.md", src: "# INC-77: Redis failover\n\nOn 2024-05-06 the primary died.\n",
		wantID: "INC-77", wantTitle: "Redis failover", wantBase: time.Date(2024, 5, 6, 0, 0, 0, 0, time.UTC),
	},
	{
		name: "no dates: year of the id",
		file: "PM2019-003 - DNS.md", src: "# DNS\n\n## Summary\n\nResolvers timed out.\n",
		wantID: "PM2019-003", wantTitle: "DNS", wantBase: time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC),
	},
	{
		name: "nothing to date by",
		file: "outage.md", src: "Plain text, no heading.\n",
		wantID: "outage", wantTitle: "outage", wantBase: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC),
	},
	{
		name: "unparseable timeline rows fall through",
		file: "PM2021-009 - X.md", src: "# X\n\n## Timeline\n\n| Time | Event |\n|---|---|\n| 2021-02-30 10:00 | impossible |\n| 2021-03-01 HH:mm | date only |\n",
		wantID: "PM2021-009", wantTitle: "X", wantBase: time.Date(2021, 3, 1, 0, 0, 0, 0, time.UTC),
	},
	{
		name: "template", file: "PMyyyy-nnn - Postmortem template.md", src: "# Incident Title\n\n## Summary\n",
		wantErr: "is the postmortem template",
	},
	{
		name: "template by title", file: "draft.md", src: "# Incident Title\n\n## Summary\n\ntext\n",
		wantErr: "is the postmortem template",
	},
	{
		name: "only a heading", file: "PM2020-001 - Empty.md", src: "# Empty\n\n## Summary\n\n-\n",
		wantErr: "no text below the title",
	},
	{
		name: "invalid UTF-8", file: "PM2020-002.md", src: "# T\n\nbad \xff\n",
		wantErr: "PM2020-002.md:3:5: invalid UTF-8",
	},
	{
		name: "NUL byte", file: "PM2020-003.md", src: "# T\n\n## Summary\n\nbefore\x00after\n",
		wantErr: "PM2020-003.md:5:7: holds a NUL byte",
	},
	{
		name: "file name with spaces gives a slug id",
		file: "Bad deploy on Friday.md", src: "Plain text, no heading.\n",
		wantID: "Bad-deploy-on-Friday", wantTitle: "Bad deploy on Friday", wantBase: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC),
	},
	{
		name: "file name with a slash-free but odd name",
		file: "dir/Ausfall: Zahlungen (Prod)?.md", src: "No heading.\n",
		wantID: "Ausfall:-Zahlungen-Prod", wantTitle: "Ausfall: Zahlungen (Prod)?", wantBase: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC),
	},
	{
		name: "file name with nothing usable", file: "障害.md", src: "No heading.\n",
		wantErr: "no id",
	},
	{
		name: "title from a file name with invalid UTF-8",
		file: "PM2020-004 - bad \xff.md", src: "No heading.\n",
		wantErr: ".md: title: is not valid UTF-8 (at byte 4).",
	},
}

func TestReadPostmortemCases(t *testing.T) {
	for _, tt := range postmortemTests {
		t.Run(tt.name, func(t *testing.T) {
			inc, err := ReadPostmortem(tt.file, []byte(tt.src))
			if tt.wantErr != "" {
				if copilot.ErrorCode(err) != copilot.EINVALID || !strings.Contains(copilot.ErrorMessage(err), tt.wantErr) {
					t.Fatalf("err = %v, want EINVALID containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if inc.ID != tt.wantID || inc.Title != tt.wantTitle || !inc.StartedAt.Equal(tt.wantBase) {
				t.Errorf("got id %q title %q base %v; want %q %q %v", inc.ID, inc.Title, inc.StartedAt, tt.wantID, tt.wantTitle, tt.wantBase)
			}
			if inc.Messages[0].TS != copilot.FormatTS(tt.wantBase) {
				t.Errorf("first ts %s", inc.Messages[0].TS)
			}
		})
	}
}

func TestReadPostmortemOversized(t *testing.T) {
	src := "# PM2020-001 Big\n\n" + strings.Repeat("word ", DefaultMaxMessageBytes/5+10) + "\n"
	_, err := ReadPostmortem("PM2020-001 - Big.md", []byte(src))
	if copilot.ErrorCode(err) != copilot.ETOOLARGE || !strings.Contains(copilot.ErrorMessage(err), "PM2020-001 - Big.md: message ts ") {
		t.Fatalf("err = %v, want ETOOLARGE naming the file and ts", err)
	}
}
