package transcript

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/incidentcopilot/incident-copilot/copilot"
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

// checkStorable fails t unless v (an incident, message or runbook) is something
// PostgreSQL and the API accept: every string in it, found by reflection so a field
// added later is covered too, passes copilot.CheckText, and an incident's id passes
// copilot.CheckID.
func checkStorable(t *testing.T, v any) {
	t.Helper()
	if inc, ok := v.(*copilot.Incident); ok {
		if err := copilot.CheckID("id", inc.ID); err != nil {
			t.Fatalf("incident returned without an error: %v", err)
		}
	}
	var walk func(path string, v reflect.Value)
	walk = func(path string, v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer, reflect.Interface:
			if !v.IsNil() {
				walk(path, v.Elem())
			}
		case reflect.String:
			if err := copilot.CheckText(path, v.String()); err != nil {
				t.Fatalf("value returned without an error: %v", err)
			}
		case reflect.Slice, reflect.Array:
			for i := 0; i < v.Len(); i++ {
				walk(path+"["+strconv.Itoa(i)+"]", v.Index(i))
			}
		case reflect.Struct:
			for i := 0; i < v.NumField(); i++ {
				if v.Type().Field(i).IsExported() {
					walk(path+"."+v.Type().Field(i).Name, v.Field(i))
				}
			}
		}
	}
	walk("", reflect.ValueOf(v))
}

// badValueSeeds are documents holding what the database refuses, so the fuzzer starts
// next to the checks.
var badValueSeeds = []string{
	`{"id": "A", "messages": [{"ts": "1.1", "text": "before\u0000after"}]}`,
	"{\"id\": \"A\", \"messages\": [{\"ts\": \"1.1\", \"text\": \"before\xffafter\"}]}",
	`{"id": "A/B"}`,
	`{"id": "A\u00e9", "title": "\ud800"}`,
	`{"id": "A", "tickets": [{"key": "K-1", "url": "\u0000"}], "services": ["\u0000"]}`,
}

func FuzzReadDocuments(f *testing.F) {
	addSeeds(f, "testdata/documents/*")
	for _, tt := range documentErrorTests {
		f.Add([]byte(tt.in))
	}
	for _, s := range badValueSeeds {
		f.Add([]byte(s))
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
			checkStorable(t, inc)
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
	f.Add([]byte("# T\n\n## Summary\n\nbefore\x00after &#0; &#xD800; \n"))
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
		checkStorable(t, inc)
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
		if rb, err := ReadRunbook("/r", "/r/x.md", data); err != nil && copilot.ErrorCode(err) != copilot.EINVALID {
			t.Fatalf("ReadRunbook: %v", err)
		} else if err == nil {
			checkStorable(t, rb)
		}
	})
}

func FuzzSlackDayFile(f *testing.F) {
	addSeeds(f, "testdata/slack-export/*/*.json")
	f.Add([]byte(`{"ts": "1.1", "text": "<@U01ALICE> single object", "files": [{"name": "a"}]}`))
	f.Add([]byte(`[{"ts": "1.1", "text": "a", "attachments": [{"title": "\u0000"}], "user_profile": {"name": "\u0000"}}]`))
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
			checkStorable(t, m)
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

// FuzzPostmortemName fuzzes the file name a postmortem's id and title come from.
func FuzzPostmortemName(f *testing.F) {
	for _, name := range []string{"PM2021-005 - Title.md", "Bad deploy on Friday.md", "障害.md", "x/y z.md", "PM2020-004 - bad \xff.md", "-._:.md", "# INC-1: heading"} {
		f.Add(name)
	}
	f.Fuzz(func(t *testing.T, name string) {
		inc, err := ReadPostmortem(name, []byte("## Summary\n\nThe cache expired at once.\n"))
		if err != nil {
			if code := copilot.ErrorCode(err); code != copilot.EINVALID {
				t.Fatalf("error code %s: %v", code, err)
			}
			return
		}
		checkStorable(t, inc)
	})
}

// FuzzReadSlackExport fuzzes the three files an incident of an export is built from.
func FuzzReadSlackExport(f *testing.F) {
	users, _ := os.ReadFile(filepath.Join(testExport, "users.json"))
	day, _ := os.ReadFile(filepath.Join(testExport, "inc_db-pool", "2026-03-05.json"))
	f.Add(users, []byte(`[{"id": "C1", "name": "inc-1", "topic": {"value": "sev2 <@U01ALICE>"}, "purpose": {"value": ""}}]`), day)
	f.Add(users, []byte(`[{"id": "C1", "name": "inc-障害", "topic": {"value": "\u0000"}}]`), day)
	f.Add([]byte(`[{"id": "U01ALICE", "profile": {"display_name": "a\u0000"}}]`), []byte(`[{"id": "C1", "name": "inc-1"}]`), []byte(`[{"ts": "1.1", "user": "U01ALICE", "text": "hi <@U01ALICE>"}]`))
	re := regexp.MustCompile(DefaultChannelPattern)
	lim := Limits{MaxMessageBytes: 1 << 10, MaxFileBytes: 1 << 20}
	f.Fuzz(func(t *testing.T, users, channels, day []byte) {
		fsys := fstest.MapFS{"users.json": {Data: users}, "channels.json": {Data: channels}}
		// The day file goes under every channel name the fuzzer may pick.
		for _, name := range []string{"inc-1", "inc-障害", "inc_x"} {
			fsys[name+"/2026-03-05.json"] = &fstest.MapFile{Data: day}
		}
		incs, err := readSlackFS("export", fsys, re, lim, nil)
		if err != nil {
			if code := copilot.ErrorCode(err); code != copilot.EINVALID && code != copilot.ETOOLARGE {
				t.Fatalf("error code %s: %v", code, err)
			}
			return
		}
		for _, inc := range incs {
			checkStorable(t, inc)
		}
	})
}
