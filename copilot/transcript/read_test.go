package transcript

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// mixedFolder builds a folder like a user's incident repository: documents, postmortems
// (one without an extension), a nested Slack export, and files Read must skip.
func mixedFolder(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	write := func(rel, content string) {
		t.Helper()
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	docs, _ := os.ReadFile("testdata/documents/incidents.json")
	pm, _ := os.ReadFile(testPostmortem)
	write("docs/incidents.json", string(docs))
	write("docs/more.jsonl", `{"id": "INC-3000", "messages": [{"ts": "1.1", "text": "x"}]}`+"\n")
	write("pm/"+filepath.Base(testPostmortem), string(pm))
	write("pm/PM2026-002 - Cache stampede", "# Cache stampede\n\n## Summary\n\nThe cache expired at once.\n")
	write("pm/PMyyyy-nnn - Postmortem template.md", "# Incident Title\n\n## Summary\n")
	write("pm/README.md", "# Postmortems\n\nIndex of our postmortems.\n")
	write("pm/LICENSE", "MIT License\n")
	write("pm/notes.txt", "not an input\n")
	write("pm/diagram.svg", "<svg/>\n")
	write(".git/config", "[core]\n")
	copyDir(t, testExport, filepath.Join(dir, "slack"), nil)
	return dir
}

func TestReadMixedFolder(t *testing.T) {
	dir := mixedFolder(t)
	incs, err := Read([]string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := ids(incs)
	sort.Strings(got)
	want := []string{"INC-2041", "INC-2050", "INC-3000", "PM2026-001", "PM2026-002", "inc-2041-checkout-5xx", "inc-2050-secret", "inc_db-pool"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("ids = %v\nwant %v", got, want)
	}
	sources := map[string]int{}
	for _, inc := range incs {
		sources[inc.Source]++
	}
	if sources[copilot.SourceDocument] != 3 || sources[copilot.SourcePostmortem] != 2 || sources[copilot.SourceSlack] != 3 {
		t.Errorf("sources = %v", sources)
	}
}

func TestReadAllOrNothing(t *testing.T) {
	dir := mixedFolder(t)
	if err := os.WriteFile(filepath.Join(dir, "docs", "zz-broken.json"), []byte(`{"id": "B", "messages": [{"text": "no ts"}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	incs, err := Read([]string{dir}, Options{})
	if err == nil || incs != nil {
		t.Fatalf("got %d incidents and err %v; want none and an error", len(incs), err)
	}
	if !strings.Contains(copilot.ErrorMessage(err), "zz-broken.json:1: messages[0].ts: missing") {
		t.Errorf("error = %v", err)
	}
}

func TestReadPaths(t *testing.T) {
	dir := mixedFolder(t)
	tests := []struct {
		name    string
		paths   []string
		opts    Options
		wantN   int
		wantErr string
		code    string
	}{
		{name: "single document file", paths: []string{filepath.Join(dir, "docs", "more.jsonl")}, wantN: 1},
		{name: "export folder directly", paths: []string{filepath.Join(dir, "slack")}, wantN: 3},
		{name: "export with a pattern", paths: []string{filepath.Join(dir, "slack")}, opts: Options{ChannelPattern: "db-pool"}, wantN: 1},
		{name: "file without extension", paths: []string{filepath.Join(dir, "pm", "PM2026-002 - Cache stampede")}, wantN: 1},
		{name: "several paths", paths: []string{filepath.Join(dir, "docs"), filepath.Join(dir, "pm")}, wantN: 5},
		{name: "same id twice", paths: []string{filepath.Join(dir, "docs"), filepath.Join(dir, "docs", "more.jsonl")}, code: copilot.EINVALID, wantErr: `incident id "INC-3000" also comes from`},
		{name: "explicit unknown format", paths: []string{filepath.Join(dir, "pm", "diagram.svg")}, code: copilot.EINVALID, wantErr: "unknown input format"},
		{name: "explicit one-line text file", paths: []string{filepath.Join(dir, "pm", "notes.txt")}, code: copilot.EINVALID, wantErr: "notes.txt: no text below the title"},
		{name: "explicit template", paths: []string{filepath.Join(dir, "pm", "PMyyyy-nnn - Postmortem template.md")}, code: copilot.EINVALID, wantErr: "postmortem template"},
		{name: "missing path", paths: []string{filepath.Join(dir, "nope")}, code: copilot.ENOTFOUND, wantErr: "no such file"},
		{name: "bad pattern", paths: []string{dir}, opts: Options{ChannelPattern: "["}, code: copilot.EINVALID, wantErr: "channel pattern"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			incs, err := Read(tt.paths, tt.opts)
			if tt.wantErr != "" {
				if err == nil || incs != nil || copilot.ErrorCode(err) != tt.code || !strings.Contains(copilot.ErrorMessage(err), tt.wantErr) {
					t.Fatalf("got %d incidents, err %v; want %s containing %q", len(incs), err, tt.code, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(incs) != tt.wantN {
				t.Errorf("got %d incidents %v, want %d", len(incs), ids(incs), tt.wantN)
			}
		})
	}
}

func TestReadZipExport(t *testing.T) {
	z := filepath.Join(t.TempDir(), "export.zip")
	zipDir(t, testExport, z, "export/")
	incs, err := Read([]string{z}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(incs) != 3 {
		t.Errorf("got %v", ids(incs))
	}
}

func TestReadHalfExport(t *testing.T) {
	dir := t.TempDir()
	copyDir(t, testExport, filepath.Join(dir, "half"), func(rel string, data []byte) []byte {
		if rel == "users.json" {
			return nil
		}
		return data
	})
	_, err := Read([]string{dir}, Options{})
	if copilot.ErrorCode(err) != copilot.EINVALID || !strings.Contains(copilot.ErrorMessage(err), "users.json: missing") {
		t.Errorf("folder with channels.json only: %v", err)
	}
}

// badFolderTests each spoil one file of a folder of 27 incidents; the review found the
// other 26 stored before PostgreSQL refused the bad value.
var badFolderTests = []struct {
	name string
	bad  string // the content of inc-13.json
	want string // the whole error message, with <dir> for the folder
}{
	{
		name: "escaped NUL in a message text",
		bad:  "{\"id\": \"INC-13\",\n \"messages\": [\n  {\"ts\": \"1.1\",\n   \"text\":\"before\\u0000after\"}]}\n",
		want: `<dir>/inc-13.json:4: messages[0].text: holds a NUL byte (at byte 6).`,
	},
	{
		name: "raw 0xff byte inside a string",
		bad:  "{\"id\": \"INC-13\",\n \"messages\": [\n  {\"ts\": \"1.1\",\n   \"text\":\"before\xffafter\"}]}\n",
		want: `<dir>/inc-13.json:4:18: messages[0].text: invalid UTF-8`,
	},
	{
		name: "10,000-character id",
		bad:  "{\"title\": \"long\",\n \"id\": \"" + strings.Repeat("a", 10000) + "\"}\n",
		want: `<dir>/inc-13.json:2: id: "` + strings.Repeat("a", 40) + `"… is not a valid incident id (1 to 128 letters, digits, '.', '_', ':' or '-', starting with a letter or digit).`,
	},
	{
		name: "id with a slash",
		bad:  "{\"title\": \"slash\",\n \"id\": \"INC/13\"}\n",
		want: `<dir>/inc-13.json:2: id: "INC/13" is not a valid incident id (1 to 128 letters, digits, '.', '_', ':' or '-', starting with a letter or digit).`,
	},
}

func TestReadRefusesBadValueInFolder(t *testing.T) {
	for _, tt := range badFolderTests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for i := 1; i <= 27; i++ {
				name := fmt.Sprintf("inc-%02d.json", i)
				content := fmt.Sprintf(`{"id": "INC-%02d", "title": "t", "messages": [{"ts": "1.1", "text": "fine"}]}`, i)
				if i == 13 {
					content = tt.bad
				}
				if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			incs, err := Read([]string{dir}, Options{})
			if err == nil || incs != nil {
				t.Fatalf("got %d incidents and err %v; want none and an error", len(incs), err)
			}
			if copilot.ErrorCode(err) != copilot.EINVALID {
				t.Errorf("code %s, want %s", copilot.ErrorCode(err), copilot.EINVALID)
			}
			want := strings.ReplaceAll(tt.want, "<dir>", dir)
			if got := copilot.ErrorMessage(err); got != want {
				t.Errorf("error = %s\nwant    %s", got, want)
			}
		})
	}
}
