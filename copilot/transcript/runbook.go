package transcript

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

var frontMatterTitleRE = regexp.MustCompile(`(?m)^title:\s*["']?(.*?)["']?\s*$`)

// ReadRunbook parses one Markdown runbook (see ../shared/fixtures/runbooks-prometheus-operator).
// ID is path relative to root without ".md", with forward slashes; Path is the same
// relative path with its extension, so both are stable across machines. Title is the
// first heading, else the front matter's title, else the file name. Text is the whole
// document with Markdown noise reduced: no front matter, heading marks, link syntax,
// emphasis or HTML tags; code blocks are kept as they are.
//
// Errors: EINVALID for invalid UTF-8 or a NUL byte (naming the line), a path that
// is not UTF-8, or a document without text; ETOOLARGE for a
// file over the default file limit.
func ReadRunbook(root, path string, data []byte) (*copilot.Runbook, error) {
	if int64(len(data)) > DefaultMaxFileBytes {
		return nil, tooLargef("%s: file is larger than the limit of %d bytes", path, DefaultMaxFileBytes)
	}
	if err := checkUTF8(path, data); err != nil {
		return nil, err
	}
	if err := checkNUL(path, data); err != nil {
		return nil, err
	}
	rel, err := filepath.Rel(root, path)
	if err != nil || rel == "." || strings.HasPrefix(rel, "..") {
		rel = filepath.Base(path)
	}
	rel = filepath.ToSlash(rel)
	id := rel
	for _, ext := range []string{".md", ".markdown", ".MD"} {
		id = strings.TrimSuffix(id, ext)
	}
	src := strings.ReplaceAll(string(data), "\r\n", "\n")
	blocks := parseMarkdown(src)
	var title string
	var b strings.Builder
	for _, blk := range blocks {
		var line string
		switch blk.kind {
		case "heading":
			line = blk.text
			if title == "" {
				title = line
			}
			if b.Len() > 0 && line != "" {
				b.WriteString("\n")
			}
		case "item":
			line = strings.Repeat("  ", blk.level) + "- " + blk.text
		case "row":
			cells := make([]string, 0, len(blk.cells))
			for _, c := range blk.cells {
				if c != "" {
					cells = append(cells, c)
				}
			}
			line = strings.Join(cells, " | ")
		case "code":
			line = blk.text
		default:
			line = blk.text
		}
		if strings.TrimSpace(line) == "" || strings.TrimSpace(line) == "-" {
			continue
		}
		b.WriteString(line)
		b.WriteString("\n")
	}
	text := strings.TrimSpace(b.String())
	if text == "" {
		return nil, invalidf("%s: runbook has no text", path)
	}
	if title == "" && strings.HasPrefix(src, "---\n") {
		if end := strings.Index(src[4:], "\n---"); end >= 0 {
			if m := frontMatterTitleRE.FindStringSubmatch(src[4 : 4+end]); m != nil {
				title = strings.TrimSpace(m[1])
			}
		}
	}
	if title == "" {
		title = filepath.Base(id)
	}
	// The text was checked above; the id, path and a title taken from the file name
	// come from the file system, which allows bytes that are not UTF-8.
	for _, f := range []struct{ k, s string }{{"id", id}, {"path", rel}, {"title", title}, {"text", text}} {
		if err := copilot.CheckText(path+": "+f.k, f.s); err != nil {
			return nil, err
		}
	}
	return &copilot.Runbook{ID: id, Title: title, Path: rel, Text: text}, nil
}

// ReadRunbooks walks a folder of Markdown runbooks (skips _index.md, README.md and
// hidden folders) and returns them in path order. It is all-or-nothing.
func ReadRunbooks(dir string) ([]*copilot.Runbook, error) {
	if _, err := os.Stat(dir); err != nil {
		return nil, statErr(dir, err)
	}
	var out []*copilot.Runbook
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("walk %s: %w", p, err)
		}
		if d.IsDir() {
			if p != dir && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			return nil
		}
		lower := strings.ToLower(d.Name())
		if !strings.HasSuffix(lower, ".md") || lower == "_index.md" || lower == "readme.md" {
			return nil
		}
		data, err := readFileLimited(p, DefaultMaxFileBytes)
		if err != nil {
			return err
		}
		rb, err := ReadRunbook(dir, p, data)
		if err != nil {
			return err
		}
		out = append(out, rb)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// readFileLimited reads a file of at most max bytes.
func readFileLimited(p string, max int64) ([]byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, statErr(p, err)
	}
	defer f.Close()
	return readLimited(p, f, max)
}
