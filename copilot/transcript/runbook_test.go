package transcript

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

func TestReadRunbooks(t *testing.T) {
	rbs, err := ReadRunbooks("testdata/runbooks")
	if err != nil {
		t.Fatal(err)
	}
	if len(rbs) != 1 {
		t.Fatalf("got %d runbooks, want 1 (_index.md skipped)", len(rbs))
	}
	rb := rbs[0]
	if rb.ID != "node/NodeDiskFull" || rb.Path != "node/NodeDiskFull.md" || rb.Title != "NodeDiskFull" {
		t.Errorf("id %q path %q title %q", rb.ID, rb.Path, rb.Title)
	}
	for _, noise := range []string{"**", "[1]", "<details>", "<summary>", "bookHidden", "weight:", "```", "## "} {
		if strings.Contains(rb.Text, noise) {
			t.Errorf("text keeps %q:\n%s", noise, rb.Text)
		}
	}
	for _, keep := range []string{"Meaning", "The root filesystem of a node has less than 5% free space.", "kubelet docs", "the eviction notes", "$ du -xh / | sort -h | tail", "- Remove unused images with crictl rmi --prune."} {
		if !strings.Contains(rb.Text, keep) {
			t.Errorf("text lacks %q:\n%s", keep, rb.Text)
		}
	}
	checkGolden(t, "runbook.golden.txt", rb.Text+"\n")
}

func TestReadRunbookTitleFallbacks(t *testing.T) {
	rb, err := ReadRunbook("/rb", "/rb/a/b.md", []byte("---\ntitle: \"Front Title\"\n---\nJust text.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if rb.ID != "a/b" || rb.Title != "Front Title" || rb.Text != "Just text." {
		t.Errorf("got %+v", rb)
	}
	rb, err = ReadRunbook("/elsewhere", filepath.Join("x", "Plain.md"), []byte("text only"))
	if err != nil {
		t.Fatal(err)
	}
	if rb.ID != "Plain" || rb.Title != "Plain" {
		t.Errorf("path outside root: %+v", rb)
	}
	if _, err := ReadRunbook("/rb", "/rb/e.md", []byte("---\ntitle: x\n---\n\n")); copilot.ErrorCode(err) != copilot.EINVALID {
		t.Errorf("empty runbook: %v", err)
	}
	if _, err := ReadRunbooks("testdata/no-such-folder"); copilot.ErrorCode(err) != copilot.ENOTFOUND {
		t.Errorf("missing folder: %v", err)
	}
}

var runbookErrorTests = []struct {
	name, path, src, want string
}{
	{"NUL byte in the text", "/rb/a.md", "# A\n\nrun\x00 this\n", "/rb/a.md:3:4: holds a NUL byte"},
	{"NUL byte in the front matter title", "/rb/a.md", "---\ntitle: x\x00\n---\ntext\n", "/rb/a.md:2:9: holds a NUL byte"},
	{"invalid UTF-8", "/rb/a.md", "# A\n\nrun \xff\n", "/rb/a.md:3:5: invalid UTF-8"},
	{"path not UTF-8", "/rb/b\xff.md", "# B\n\ntext\n", ": id: is not valid UTF-8 (at byte 1)."},
}

func TestReadRunbookErrors(t *testing.T) {
	for _, tt := range runbookErrorTests {
		t.Run(tt.name, func(t *testing.T) {
			rb, err := ReadRunbook("/rb", tt.path, []byte(tt.src))
			if copilot.ErrorCode(err) != copilot.EINVALID || !strings.Contains(copilot.ErrorMessage(err), tt.want) {
				t.Fatalf("got %+v, %v; want EINVALID containing %q", rb, err, tt.want)
			}
		})
	}
}
