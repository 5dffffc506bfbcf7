package transcript

import (
	"archive/zip"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

const testExport = "testdata/slack-export"

func TestReadSlackExportGolden(t *testing.T) {
	incs, err := ReadSlackExport(testExport, Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "slack-export.golden.json", jsonOf(t, incs))
}

func TestReadSlackExportBehaviour(t *testing.T) {
	incs, err := ReadSlackExport(testExport, Options{})
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]*copilot.Incident{}
	for _, inc := range incs {
		byID[inc.ID] = inc
	}
	if len(incs) != 3 || byID["general"] != nil || byID["inc-2042-empty"] != nil {
		t.Fatalf("want the three inc channels with messages, got %v", ids(incs))
	}
	chk := byID["inc-2041-checkout-5xx"]
	if chk.Title != "SEV2 Checkout API 5xx after deploy & rollback" || chk.Severity != "SEV2" {
		t.Errorf("title %q severity %q", chk.Title, chk.Severity)
	}
	if chk.ChannelID != "C0123CHK" || chk.Source != copilot.SourceSlack || chk.Visibility != copilot.VisibilityPublic {
		t.Errorf("channel fields: %+v", chk)
	}
	for i, m := range chk.Messages {
		if strings.Contains(m.Text, "has joined") || strings.Contains(m.Text, "has left") || strings.Contains(m.Text, "set the channel") {
			t.Errorf("housekeeping message kept: %q", m.Text)
		}
		if i > 0 && !tsBefore(chk.Messages[i-1].TS, m.TS) {
			t.Errorf("messages not in ts order at %d: %s then %s", i, chk.Messages[i-1].TS, m.TS)
		}
	}
	if !chk.StartedAt.Equal(chk.Messages[0].Time()) || !chk.ResolvedAt.IsZero() {
		t.Errorf("started %v resolved %v", chk.StartedAt, chk.ResolvedAt)
	}
	want := map[string]copilot.Message{
		"1772446410.000200": {User: "B0PD", UserName: "PagerDuty", Kind: copilot.KindBot, Text: "Triggered: checkout-api 5xx rate above 5%"},
		"1772446440.000300": {User: "U01ALICE", UserName: "alice", Kind: copilot.KindMessage, ThreadTS: "1772446440.000300",
			Text: "@here checkout is throwing 5xx since the 10:05 deploy, @Bob Jones can you look at #db-oncall?"},
		"1772446500.000400": {User: "U02BOB", UserName: "Bob Jones", Kind: copilot.KindMessage, ThreadTS: "1772446440.000300", Text: "pool is at 100/100 & p99 > 2s"},
		"1772446560.000600": {User: "U04DEPLOY", UserName: "deploy-bot", Kind: copilot.KindBot,
			Text: "Rollback of checkout-api to abc123 (https://git.example.com/checkout/commit/abc123) started"},
		"1772446620.000700": {User: "U03CAROL", UserName: "carol", Kind: copilot.KindMessage, Text: "grafana screenshot\n[file: DB pool saturation (pool.png)]"},
		"1772446680.000800": {User: "U03CAROL", UserName: "carol", Kind: copilot.KindMessage,
			Text: "runbook: https://wiki.example.com/runbooks/db-pool\nDB pool runbook\nRaise max_connections or shed load"},
		"1772446900.000050": {User: "U01ALICE", UserName: "alice", Kind: copilot.KindMessage, ThreadTS: "1772446440.000300", Text: "resolved, error rate back to baseline"},
		"1772528400.000100": {User: "U01ALICE", UserName: "alice", Kind: copilot.KindMessage, Text: "we should alert on pool saturation, I'll file a ticket @sre-team"},
		"1772528460.000200": {User: "U02BOB", UserName: "Bob Jones", Kind: copilot.KindMessage, Text: "[file: postmortem-draft.md]"},
	}
	if len(chk.Messages) != len(want) {
		t.Errorf("got %d messages, want %d", len(chk.Messages), len(want))
	}
	for ts, w := range want {
		m := chk.MessageByTS(ts)
		if m == nil {
			t.Errorf("message %s missing", ts)
			continue
		}
		w.TS = ts
		if *m != w {
			t.Errorf("message %s:\n got %+v\nwant %+v", ts, *m, w)
		}
	}

	db := byID["inc_db-pool"]
	if db.Severity != "SEV1" || db.Title != "Primary DB pool exhaustion, sev-1" {
		t.Errorf("title from topic and severity: %q %q", db.Title, db.Severity)
	}
	if m := db.MessageByTS("1772700220.000300"); m == nil || m.UserName != "Gone Person" || m.Text != "who is @U09GONE? a deactivated user" {
		t.Errorf("unknown user falls back to user_profile and keeps the id: %+v", m)
	}
	sec := byID["inc-2050-secret"]
	if !sec.IsPrivate() || sec.Title != "inc-2050-secret" {
		t.Errorf("groups.json channel: visibility %q title %q", sec.Visibility, sec.Title)
	}
}

func ids(incs []*copilot.Incident) []string {
	var out []string
	for _, inc := range incs {
		out = append(out, inc.ID)
	}
	return out
}

// copyDir copies a folder tree into dst, optionally transforming or dropping files.
func copyDir(t *testing.T, src, dst string, edit func(rel string, data []byte) []byte) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if edit != nil {
			if data = edit(filepath.ToSlash(rel), data); data == nil {
				return nil
			}
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// zipDir writes src into a zip, every entry under prefix.
func zipDir(t *testing.T, src, dst, prefix string) {
	t.Helper()
	f, err := os.Create(dst)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	err = filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		w, err := zw.Create(prefix + filepath.ToSlash(rel))
		if err != nil {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		_, err = w.Write(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	f.Close()
}

func TestReadSlackExportZip(t *testing.T) {
	dir, err := ReadSlackExport(testExport, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, prefix := range []string{"", "acme Slack export Mar 1 2026 - Mar 31 2026/"} {
		t.Run("prefix="+prefix, func(t *testing.T) {
			z := filepath.Join(t.TempDir(), "export.zip")
			zipDir(t, testExport, z, prefix)
			got, err := ReadSlackExport(z, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if jsonOf(t, got) != jsonOf(t, dir) {
				t.Errorf("zip and folder give different incidents")
			}
		})
	}
}

var slackErrorTests = []struct {
	name string
	edit func(rel string, data []byte) []byte
	code string
	want []string
}{
	{
		name: "users.json missing",
		edit: func(rel string, data []byte) []byte {
			if rel == "users.json" {
				return nil
			}
			return data
		},
		code: copilot.EINVALID,
		want: []string{"users.json: missing"},
	},
	{
		name: "channels.json missing",
		edit: func(rel string, data []byte) []byte {
			if rel == "channels.json" {
				return nil
			}
			return data
		},
		code: copilot.EINVALID,
		want: []string{"channels.json: missing"},
	},
	{
		name: "invalid UTF-8 in a day file",
		edit: func(rel string, data []byte) []byte {
			if rel == "inc_db-pool/2026-03-05.json" {
				return []byte(strings.Replace(string(data), "too many", "too \xc3\x28many", 1))
			}
			return data
		},
		code: copilot.EINVALID,
		want: []string{"inc_db-pool/2026-03-05.json:", "invalid UTF-8"},
	},
	{
		name: "invalid UTF-8 in users.json",
		edit: func(rel string, data []byte) []byte {
			if rel == "users.json" {
				return append(data, 0xff)
			}
			return data
		},
		code: copilot.EINVALID,
		want: []string{"users.json:", "invalid UTF-8"},
	},
	{
		name: "invalid UTF-8 in a day file names the message and field",
		edit: func(rel string, data []byte) []byte {
			if rel == "inc-2050-secret/2026-03-10.json" {
				return []byte("[\n{\"ts\": \"1.1\", \"text\": \"a\"},\n{\"ts\": \"1.2\", \"text\": \"b\xff\"}\n]")
			}
			return data
		},
		code: copilot.EINVALID,
		want: []string{"inc-2050-secret/2026-03-10.json:3:25: [1].text: invalid UTF-8"},
	},
	{
		name: "NUL in a message text",
		edit: func(rel string, data []byte) []byte {
			if rel == "inc-2050-secret/2026-03-10.json" {
				return []byte("[\n{\"ts\": \"1.1\", \"text\": \"a\"},\n{\"ts\": \"1.2\",\n \"text\": \"before\\u0000after\"}\n]")
			}
			return data
		},
		code: copilot.EINVALID,
		want: []string{"inc-2050-secret/2026-03-10.json:4: message 1 (ts 1.2): text: holds a NUL byte (at byte 6)."},
	},
	{
		name: "NUL in an attachment title",
		edit: func(rel string, data []byte) []byte {
			if rel == "inc-2050-secret/2026-03-10.json" {
				return []byte("[{\"ts\": \"1.1\", \"text\": \"a\",\n \"attachments\": [{\"text\": \"x\"},\n {\"title\": \"\\u0000\"}]}]")
			}
			return data
		},
		code: copilot.EINVALID,
		want: []string{"inc-2050-secret/2026-03-10.json:3: message 0 (ts 1.1): attachments[1].title: holds a NUL byte"},
	},
	{
		name: "NUL in a user's display name",
		edit: func(rel string, data []byte) []byte {
			if rel == "users.json" {
				return []byte(strings.Replace(string(data), `"display_name": "alice"`, `"display_name": "al\u0000ice"`, 1))
			}
			return data
		},
		code: copilot.EINVALID,
		want: []string{"users.json:3: [0].profile.display_name: holds a NUL byte (at byte 2)."},
	},
	{
		name: "NUL in an incident channel's topic",
		edit: func(rel string, data []byte) []byte {
			if rel == "channels.json" {
				return []byte(strings.Replace(string(data), "Status: mitigated", `Status:\u0000`, 1))
			}
			return data
		},
		code: copilot.EINVALID,
		want: []string{"channels.json:3: [0].topic.value: holds a NUL byte"},
	},
	{
		name: "lone surrogate in a message text",
		edit: func(rel string, data []byte) []byte {
			if rel == "inc-2050-secret/2026-03-10.json" {
				return []byte("[\n{\"ts\": \"1.1\", \"text\": \"a\"},\n{\"ts\": \"1.2\",\n \"text\": \"before\\ud800after\"}\n]")
			}
			return data
		},
		code: copilot.EINVALID,
		want: []string{"inc-2050-secret/2026-03-10.json:4: message 1 (ts 1.2): text: holds a \\u escape that is not a character (a lone UTF-16 surrogate)"},
	},
	{
		name: "lone low surrogate in an attachment title",
		edit: func(rel string, data []byte) []byte {
			if rel == "inc-2050-secret/2026-03-10.json" {
				return []byte("[{\"ts\": \"1.1\", \"text\": \"a\",\n \"attachments\": [{\"text\": \"x\"},\n {\"title\": \"\\udc00\"}]}]")
			}
			return data
		},
		code: copilot.EINVALID,
		want: []string{"inc-2050-secret/2026-03-10.json:3: message 0 (ts 1.1): attachments[1].title: holds a \\u escape"},
	},
	{
		name: "lone surrogate in a user's display name",
		edit: func(rel string, data []byte) []byte {
			if rel == "users.json" {
				return []byte(strings.Replace(string(data), `"display_name": "alice"`, `"display_name": "al\ud83dice"`, 1))
			}
			return data
		},
		code: copilot.EINVALID,
		want: []string{"users.json:3: [0].profile.display_name: holds a \\u escape"},
	},
	{
		name: "lone surrogate in an incident channel's topic",
		edit: func(rel string, data []byte) []byte {
			if rel == "channels.json" {
				return []byte(strings.Replace(string(data), "Status: mitigated", `Status: \ud800`, 1))
			}
			return data
		},
		code: copilot.EINVALID,
		want: []string{"channels.json:3: [0].topic.value: holds a \\u escape"},
	},
	{
		name: "malformed day file",
		edit: func(rel string, data []byte) []byte {
			if rel == "inc-2050-secret/2026-03-10.json" {
				return []byte("[\n{\"ts\": \"1.1\", \"text\": }\n]")
			}
			return data
		},
		code: copilot.EINVALID,
		want: []string{"inc-2050-secret/2026-03-10.json:2:23: JSON syntax error"},
	},
	{
		name: "bad ts in a day file",
		edit: func(rel string, data []byte) []byte {
			if rel == "inc-2050-secret/2026-03-10.json" {
				return []byte("[\n{\"ts\": \"1.1\", \"text\": \"a\"},\n{\"ts\": \"noon\", \"text\": \"b\"}\n]")
			}
			return data
		},
		code: copilot.EINVALID,
		want: []string{"inc-2050-secret/2026-03-10.json:3: ts:"},
	},
	{
		name: "oversized message",
		edit: func(rel string, data []byte) []byte {
			if rel == "inc-2050-secret/2026-03-10.json" {
				return []byte(`[{"ts": "1773100100.000100", "user": "U01ALICE", "text": "` + strings.Repeat("y", 300) + `"}]`)
			}
			return data
		},
		code: copilot.ETOOLARGE,
		want: []string{"inc-2050-secret/2026-03-10.json:1: message ts 1773100100.000100 is 300 bytes"},
	},
}

func TestReadSlackExportErrors(t *testing.T) {
	for _, tt := range slackErrorTests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			copyDir(t, testExport, dir, tt.edit)
			incs, err := ReadSlackExport(dir, Options{Limits: Limits{MaxMessageBytes: 256}})
			if err == nil {
				t.Fatalf("no error; got %v", ids(incs))
			}
			if copilot.ErrorCode(err) != tt.code {
				t.Errorf("code = %s, want %s (%v)", copilot.ErrorCode(err), tt.code, err)
			}
			for _, w := range tt.want {
				if msg := copilot.ErrorMessage(err); !strings.Contains(msg, w) {
					t.Errorf("message %q does not contain %q", msg, w)
				}
			}
		})
	}
}

func TestReadSlackExportNotAnExport(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "src")
	if err := os.MkdirAll(filepath.Join(src, "photos"), 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(src, "photos", "cat.txt"), []byte("meow"), 0o644)
	os.WriteFile(filepath.Join(src, "notes.txt"), []byte("hi"), 0o644)
	z := filepath.Join(dir, "holiday.zip")
	zipDir(t, src, z, "")
	_, err := ReadSlackExport(z, Options{})
	if copilot.ErrorCode(err) != copilot.EINVALID || !strings.Contains(copilot.ErrorMessage(err), "not a Slack export") {
		t.Errorf("zip without an export: %v", err)
	}
	notZip := filepath.Join(dir, "fake.zip")
	os.WriteFile(notZip, []byte("plain text"), 0o644)
	if _, err := ReadSlackExport(notZip, Options{}); copilot.ErrorCode(err) != copilot.EINVALID {
		t.Errorf("non-zip file: %v", err)
	}
	if _, err := ReadSlackExport(filepath.Join(dir, "absent"), Options{}); copilot.ErrorCode(err) != copilot.ENOTFOUND {
		t.Errorf("absent path: %v", err)
	}
	if _, err := ReadSlackExport(testExport, Options{ChannelPattern: "("}); copilot.ErrorCode(err) != copilot.EINVALID {
		t.Errorf("bad pattern: %v", err)
	}
}

func TestReadSlackExportPattern(t *testing.T) {
	incs, err := ReadSlackExport(testExport, Options{ChannelPattern: "^inc-20"})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(ids(incs), ","); got != "inc-2041-checkout-5xx,inc-2050-secret" {
		t.Errorf("pattern ^inc-20 selects %q", got)
	}
}

// TestReadSlackExportReportsSkipped: a channel the pattern leaves out is named, so the
// CLI can say which channels an ingest ignored instead of storing nothing in silence.
func TestReadSlackExportReportsSkipped(t *testing.T) {
	var skipped []string
	incs, err := ReadSlackExport(testExport, Options{ChannelPattern: "^inc-20", SkippedChannel: func(name string) { skipped = append(skipped, name) }})
	if err != nil {
		t.Fatal(err)
	}
	if len(skipped) == 0 {
		t.Fatal("no skipped channel reported")
	}
	for _, name := range skipped {
		if strings.HasPrefix(name, "inc-20") {
			t.Errorf("channel %q matches the pattern but is reported skipped", name)
		}
		for _, inc := range incs {
			if inc.ChannelName == name {
				t.Errorf("channel %q is both skipped and ingested", name)
			}
		}
	}
}

func TestParseDayFileDuplicatesAcrossDays(t *testing.T) {
	dir := t.TempDir()
	copyDir(t, testExport, dir, nil)
	// The same message filed twice (as exports sometimes do for thread broadcasts)
	// must appear once.
	dup := `[{"type": "message", "user": "U01ALICE", "text": "credential leak suspected in build logs, rotating keys", "ts": "1773100100.000100"},
	         {"type": "message", "user": "U02BOB", "text": "keys rotated", "ts": "1773190000.000100"}]`
	os.WriteFile(filepath.Join(dir, "inc-2050-secret", "2026-03-11.json"), []byte(dup), 0o644)
	incs, err := ReadSlackExport(dir, Options{ChannelPattern: "secret"})
	if err != nil {
		t.Fatal(err)
	}
	if len(incs) != 1 || len(incs[0].Messages) != 2 {
		t.Fatalf("got %+v", incs)
	}
}

var channelIDTests = []struct {
	name, channelID, want string
}{
	{"inc-2041-checkout", "C0123", "inc-2041-checkout"},
	{"inc-障害-db", "C0123", "inc-db-C0123"},
	{"障害", "C0123", "C0123"},
	{"inc-" + strings.Repeat("x", 200) + "-é", "C0123", "inc-" + strings.Repeat("x", 128-len("inc-")-len("-C0123")) + "-C0123"},
}

func TestChannelIncidentID(t *testing.T) {
	for _, tt := range channelIDTests {
		got := channelIncidentID(tt.name, tt.channelID)
		if got != tt.want || !copilot.ValidID(got) {
			t.Errorf("channelIncidentID(%q, %q) = %q, want %q (a valid id)", tt.name, tt.channelID, got, tt.want)
		}
	}
}

func TestLostSurrogate(t *testing.T) {
	for _, tc := range []struct {
		src  string
		lost bool
	}{
		{`"plain"`, false},
		{`"pair \ud83d\ude00 ok"`, false},
		{`"written \ufffd on purpose"`, false},
		{"\"raw \uFFFD on purpose\"", false},
		{`"lone \ud800"`, true},
		{`"lone low \udc00 and \ufffd"`, true},
		{`"pair then lone \ud83d\ude00\ud83d"`, true},
	} {
		var s string
		if err := json.Unmarshal([]byte(tc.src), &s); err != nil {
			t.Fatal(err)
		}
		if got := lostSurrogate([]byte(tc.src), s); got != tc.lost {
			t.Errorf("lostSurrogate(%s) = %v, want %v", tc.src, got, tc.lost)
		}
	}
}
