package transcript

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"incidentcopilot/copilot"
)

// addSeeds adds every file matching pattern as a seed.
func addSeeds(f *testing.F, pattern string) {
	f.Helper()
	paths, err := filepath.Glob(pattern)
	if err != nil || len(paths) == 0 {
		f.Fatalf("no seeds match %s: %v", pattern, err)
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
}

func FuzzReadDocuments(f *testing.F) {
	addSeeds(f, "testdata/documents/*")
	for _, tt := range documentErrorTests {
		f.Add([]byte(tt.in))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		opts := Options{Limits: Limits{MaxMessageBytes: 1 << 10, MaxFileBytes: 1 << 20}}
		incs, err := ReadDocuments("fuzz.json", bytes.NewReader(data), opts)
		if err != nil {
			if code := copilot.ErrorCode(err); code != copilot.EINVALID && code != copilot.ETOOLARGE {
				t.Fatalf("error code %s: %v", code, err)
			}
			if incs != nil {
				t.Fatalf("incidents returned with an error")
			}
			return
		}
		ids := map[string]bool{}
		for _, inc := range incs {
			if inc.ID == "" || ids[inc.ID] || inc.Source != copilot.SourceDocument {
				t.Fatalf("bad incident %+v", inc)
			}
			ids[inc.ID] = true
			if inc.Visibility != copilot.VisibilityPublic && inc.Visibility != copilot.VisibilityPrivate {
				t.Fatalf("visibility %q", inc.Visibility)
			}
			for i, m := range inc.Messages {
				if !validTS(m.TS) || len(m.Text) > opts.Limits.MaxMessageBytes || !utf8.ValidString(m.Text) {
					t.Fatalf("bad message %+v", m)
				}
				if i > 0 && !tsBefore(inc.Messages[i-1].TS, m.TS) {
					t.Fatalf("messages not sorted with unique ts: %s then %s", inc.Messages[i-1].TS, m.TS)
				}
			}
		}
	})
}

func FuzzNormalizeSlackText(f *testing.F) {
	for _, tt := range normalizeTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := NormalizeSlackText(s, testUsers)
		if utf8.ValidString(s) && !utf8.ValidString(out) {
			t.Fatalf("valid input %q gave invalid UTF-8 %q", s, out)
		}
		if !strings.ContainsAny(s, "<&") && out != s {
			t.Fatalf("text without markup changed: %q -> %q", s, out)
		}
		if len(out) > len(s)+len(s)/3*64+64 {
			t.Fatalf("output grew out of proportion: %d bytes from %d", len(out), len(s))
		}
		// A lone well-formed mention becomes a plain @name.
		if tok := s; strings.HasPrefix(tok, "<@") && strings.HasSuffix(tok, ">") && !strings.ContainsAny(tok[1:len(tok)-1], "<>|") && !strings.HasPrefix(out, "@") {
			t.Fatalf("mention %q rendered as %q", s, out)
		}
	})
}

func FuzzReadPostmortem(f *testing.F) {
	addSeeds(f, "testdata/postmortems/*.md")
	addSeeds(f, "testdata/runbooks/*/*.md")
	for _, tt := range postmortemTests {
		f.Add([]byte(tt.src))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		inc, err := ReadPostmortem("PM2026-999 - Fuzz.md", data)
		if err != nil {
			if code := copilot.ErrorCode(err); code != copilot.EINVALID && code != copilot.ETOOLARGE {
				t.Fatalf("error code %s: %v", code, err)
			}
			return
		}
		if inc.ID == "" || inc.Title == "" || len(inc.Messages) == 0 {
			t.Fatalf("incident %+v", inc)
		}
		for i, m := range inc.Messages {
			if !validTS(m.TS) || strings.TrimSpace(m.Text) == "" || m.Kind != copilot.KindSection {
				t.Fatalf("message %+v", m)
			}
			if i > 0 && !tsBefore(inc.Messages[i-1].TS, m.TS) {
				t.Fatalf("ts not increasing: %s then %s", inc.Messages[i-1].TS, m.TS)
			}
		}
		keys := map[string]bool{}
		for _, tk := range inc.Tickets {
			if tk.Key == "" || keys[tk.Key] {
				t.Fatalf("ticket keys not unique: %+v", inc.Tickets)
			}
			keys[tk.Key] = true
		}
		if _, err := ReadRunbook("/r", "/r/x.md", data); err != nil && copilot.ErrorCode(err) != copilot.EINVALID {
			t.Fatalf("ReadRunbook: %v", err)
		}
	})
}

func FuzzSlackDayFile(f *testing.F) {
	addSeeds(f, "testdata/slack-export/*/*.json")
	f.Add([]byte(`{"ts": "1.1", "text": "<@U01ALICE> single object", "files": [{"name": "a"}]}`))
	users := map[string]string{"U01ALICE": "alice"}
	lim := Limits{MaxMessageBytes: 1 << 10, MaxFileBytes: 1 << 20}
	f.Fuzz(func(t *testing.T, data []byte) {
		ms, err := parseDayFile("inc-1/2026-03-02.json", data, users, lim)
		if err != nil {
			if code := copilot.ErrorCode(err); code != copilot.EINVALID && code != copilot.ETOOLARGE {
				t.Fatalf("error code %s: %v", code, err)
			}
			if !strings.Contains(copilot.ErrorMessage(err), "inc-1/2026-03-02.json") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		for _, m := range ms {
			if !validTS(m.TS) || (m.ThreadTS != "" && !validTS(m.ThreadTS)) {
				t.Fatalf("bad ts in %+v", m)
			}
			if m.Text == "" || len(m.Text) > lim.MaxMessageBytes || !utf8.ValidString(m.Text) {
				t.Fatalf("bad text in %+v", m)
			}
			if m.Kind != copilot.KindMessage && m.Kind != copilot.KindBot {
				t.Fatalf("kind %q", m.Kind)
			}
		}
	})
}
