package transcript

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// Conformance over real data written by others (../shared/fixtures); each test skips
// only when that folder is absent.

func TestConformanceSlackExportViewer(t *testing.T) {
	zipPath := fixtures(t, "slack-export-viewer/testarchive.zip")
	incs, err := ReadSlackExport(zipPath, Options{ChannelPattern: ".*"})
	if err != nil {
		t.Fatal(err)
	}
	// The archive's README: 2 channels, 158 messages, of which 8 are channel_join and
	// 3 bot_add (housekeeping); the rest is content.
	if len(incs) != 2 {
		t.Fatalf("got %d channels %v, want 2", len(incs), ids(incs))
	}
	total, bots, files := 0, 0, 0
	for _, inc := range incs {
		if len(inc.Messages) == 0 || inc.Source != copilot.SourceSlack || inc.ChannelID == "" {
			t.Errorf("incident %s: %d messages, source %q, channel %q", inc.ID, len(inc.Messages), inc.Source, inc.ChannelID)
		}
		for i, m := range inc.Messages {
			total++
			if strings.Contains(m.Text, "has joined the channel") || strings.Contains(m.Text, "added an integration") {
				t.Errorf("%s: housekeeping kept: %q", inc.ID, m.Text)
			}
			if m.Kind == copilot.KindBot {
				bots++
				if m.UserName == "" {
					t.Errorf("%s: bot message %s without a name", inc.ID, m.TS)
				}
			}
			if strings.Contains(m.Text, "[file: ") {
				files++
			}
			if strings.Contains(m.Text, "<@") || strings.Contains(m.Text, "&amp;") {
				t.Errorf("%s: markup left in %q", inc.ID, m.Text)
			}
			if i > 0 && !tsBefore(inc.Messages[i-1].TS, m.TS) {
				t.Errorf("%s: ts order broken at %d", inc.ID, i)
			}
		}
	}
	if total != 158-8-3 {
		t.Errorf("got %d messages, want %d (158 minus 8 joins and 3 bot_adds)", total, 158-8-3)
	}
	if bots == 0 || files < 3 {
		t.Errorf("bots %d, file messages %d; want bot messages and the 3 file shares + 1 file comment", bots, files)
	}
	// The default pattern selects incident channels only; this workspace has none.
	if incs, err := ReadSlackExport(zipPath, Options{}); err != nil || len(incs) != 0 {
		t.Errorf("default pattern: %v %v", ids(incs), err)
	}
}

func TestConformanceSlackZulip(t *testing.T) {
	dir := fixtures(t, "slack-zulip")
	// The folder holds message shapes, not a whole export: reading it as one must say
	// what is missing.
	_, err := ReadSlackExport(dir, Options{ChannelPattern: ".*"})
	if copilot.ErrorCode(err) != copilot.EINVALID || !strings.Contains(copilot.ErrorMessage(err), "users.json: missing") {
		t.Errorf("zulip folder as an export: %v", err)
	}

	// Build an export around its files: channels.json (created as a string) as is, the
	// thread fixture as a day file of #random, the modern message as one of #general.
	channels, err := os.ReadFile(filepath.Join(dir, "channels.json"))
	if err != nil {
		t.Fatal(err)
	}
	thread, err := os.ReadFile(filepath.Join(dir, "normal_thread.json"))
	if err != nil {
		t.Fatal(err)
	}
	modern, err := os.ReadFile(filepath.Join(dir, "message_with_links.json"))
	if err != nil {
		t.Fatal(err)
	}
	exp := t.TempDir()
	files := map[string][]byte{
		"users.json":              []byte(`[{"id": "U061A5N1G", "name": "jane", "profile": {"display_name": "Jane"}}, {"id": "U061A1R2R", "name": "john", "real_name": "John Doe", "profile": {}}]`),
		"channels.json":           channels,
		"random/2015-06-12.json":  thread,
		"general/2026-02-25.json": append(append([]byte("["), modern...), ']'),
	}
	for rel, data := range files {
		p := filepath.Join(exp, rel)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	incs, err := ReadSlackExport(exp, Options{ChannelPattern: ".*"})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(ids(incs), ","); got != "random,general" {
		t.Fatalf("channels = %q (feedback has no folder and is skipped)", got)
	}
	random, general := incs[0], incs[1]
	var order []string
	for _, m := range random.Messages {
		order = append(order, m.TS+"/"+m.ThreadTS+"/"+m.UserName)
	}
	want := "1434139102.000002/1434139102.000002/Jane 1439868294.000007/1434139102.000002/Jane " +
		"1449868294.000007/1539868294.000007/John Doe 1539868294.000007/1539868294.000007/John Doe"
	if got := strings.Join(order, " "); got != want {
		t.Errorf("thread messages (sorted by ts, thread_ts kept):\n got %s\nwant %s", got, want)
	}
	if random.Title != "no purpose" {
		t.Errorf("title from purpose: %q", random.Title)
	}
	if len(general.Messages) != 1 {
		t.Fatalf("general: %d messages", len(general.Messages))
	}
	m := general.Messages[0]
	if m.UserName != "Peter" {
		t.Errorf("name from user_profile: %q", m.UserName)
	}
	for _, w := range []string{"Text with a link (https://chat.zulip.org/)", "Public view of Zulip Community", "Browse the publicly accessible channels"} {
		if !strings.Contains(m.Text, w) {
			t.Errorf("text lacks %q: %q", w, m.Text)
		}
	}

	// The single-object message parses as a day file of its own too.
	ms, err := parseDayFile("message_with_links.json", modern, nil, Limits{}.withDefaults())
	if err != nil || len(ms) != 1 || ms[0].TS != "1772029188.953659" {
		t.Errorf("parseDayFile(single object) = %+v, %v", ms, err)
	}
}

// actionItemRE finds an Action Items section with at least one list item or table row.
var actionItemRE = regexp.MustCompile(`(?mi)^#+\s*Action Items?\s*\n(?:\s*\n)*\s*(?:[-*+]\s+\S|\d+[.)]\s+\S|\|)`)

func TestConformancePostmortems(t *testing.T) {
	dir := fixtures(t, "postmortems-dfds")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, "PM") || strings.HasPrefix(name, "PMyyyy") {
			continue
		}
		n++
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			inc, err := ReadPostmortem(filepath.Join(dir, name), data)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(name, inc.ID+" ") || inc.Title == "" || len(inc.Messages) < 3 {
				t.Errorf("id %q title %q messages %d", inc.ID, inc.Title, len(inc.Messages))
			}
			if inc.StartedAt.Year() < 2019 || inc.StartedAt.Year() > 2025 {
				t.Errorf("started_at %v is outside the postmortems' years", inc.StartedAt)
			}
			seen := map[string]bool{}
			for i, m := range inc.Messages {
				if seen[m.TS] || (i > 0 && !tsBefore(inc.Messages[i-1].TS, m.TS)) {
					t.Errorf("ts %s not unique and increasing", m.TS)
				}
				seen[m.TS] = true
				if m.Kind != copilot.KindSection || m.UserName == "" || strings.TrimSpace(m.Text) == "" {
					t.Errorf("message %+v", m)
				}
			}
			if actionItemRE.Match(data) && !hasSection(inc, "Action Items") {
				t.Errorf("has action items but no Action Items messages")
			}
			keys := map[string]bool{}
			for _, tk := range inc.Tickets {
				if tk.Key == "" || keys[tk.Key] || tk.Title == "" || (tk.Status != "open" && tk.Status != "done") {
					t.Errorf("ticket %+v", tk)
				}
				keys[tk.Key] = true
				// A ticket is one the postmortem names, never one made up for it.
				if !strings.Contains(string(data), tk.Key) {
					t.Errorf("ticket %s is not in the file", tk.Key)
				}
			}
		})
	}
	if n != 39 {
		t.Errorf("found %d postmortems, want 39", n)
	}
	// Read walks the folder: template, README.md and LICENSE skipped, the file without
	// an extension taken.
	incs, err := Read([]string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(incs) != 39 {
		t.Errorf("Read(folder) gave %d incidents, want 39", len(incs))
	}
	found := false
	for _, inc := range incs {
		found = found || inc.ID == "PM2022-009"
	}
	if !found {
		t.Errorf("PM2022-009 (no .md extension) not read")
	}
}

func TestConformanceRunbooks(t *testing.T) {
	dir := fixtures(t, "runbooks-prometheus-operator/content/runbooks")
	rbs, err := ReadRunbooks(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(rbs) != 108 {
		t.Errorf("got %d runbooks, want 108", len(rbs))
	}
	ids := map[string]bool{}
	for _, rb := range rbs {
		if ids[rb.ID] || rb.Title == "" || rb.Text == "" || strings.HasSuffix(rb.ID, ".md") || strings.Contains(rb.ID, "_index") || !strings.Contains(rb.ID, "/") {
			t.Errorf("runbook %q title %q text %d bytes", rb.ID, rb.Title, len(rb.Text))
		}
		ids[rb.ID] = true
		if strings.Contains(rb.Text, "bookHidden") || strings.Contains(rb.Text, "](") {
			t.Errorf("%s: markdown noise left", rb.ID)
		}
	}
	if !ids["node/NodeFilesystemSpaceFillingUp"] {
		t.Errorf("node/NodeFilesystemSpaceFillingUp missing")
	}
}

func hasSection(inc *copilot.Incident, name string) bool {
	for _, m := range inc.Messages {
		if strings.EqualFold(m.UserName, name) {
			return true
		}
	}
	return false
}
