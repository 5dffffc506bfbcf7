package transcript

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// Read detects the format of each path (file or folder; a folder holding users.json+channels.json
// or a zip holding them is a Slack export; *.json/*.jsonl are documents; *.md are postmortems;
// a folder is walked recursively and may mix documents and postmortems) and returns all incidents.
// It is all-or-nothing: any error means no incidents are returned.
//
// While walking a folder it skips hidden files and folders, README/LICENSE-like files,
// _index.md, and the postmortem template (see isPostmortemTemplate); a file without an
// extension is read as a postmortem when it starts with a Markdown heading and is
// skipped otherwise. A folder inside holding users.json and channels.json is read as
// a Slack export. A path named explicitly must have a known format.
//
// Two inputs giving the same incident id are an EINVALID error: one would silently
// overwrite the other on ingest.
func Read(paths []string, opts Options) ([]*copilot.Incident, error) {
	if _, err := opts.channelRE(); err != nil {
		return nil, err
	}
	r := &reader{opts: opts, from: map[string]string{}}
	for _, p := range paths {
		if err := r.path(p); err != nil {
			return nil, err
		}
	}
	return r.out, nil
}

type reader struct {
	opts Options
	out  []*copilot.Incident
	from map[string]string // incident id -> the path it came from
}

func (r *reader) add(src string, incs ...*copilot.Incident) error {
	for _, inc := range incs {
		if prev, dup := r.from[inc.ID]; dup {
			return invalidf("%s: incident id %q also comes from %s", src, inc.ID, prev)
		}
		r.from[inc.ID] = src
		r.out = append(r.out, inc)
	}
	return nil
}

func (r *reader) path(p string) error {
	st, err := os.Stat(p)
	if err != nil {
		return statErr(p, err)
	}
	if !st.IsDir() {
		return r.file(p, true)
	}
	if isSlackExportDir(p) {
		return r.export(p)
	}
	return filepath.WalkDir(p, func(q string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("walk %s: %w", q, err)
		}
		if q == p {
			return nil
		}
		if strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if isSlackExportDir(q) {
				if err := r.export(q); err != nil {
					return err
				}
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		return r.file(q, false)
	})
}

func (r *reader) export(p string) error {
	incs, err := ReadSlackExport(p, r.opts)
	if err != nil {
		return err
	}
	return r.add(p, incs...)
}

// Formats a file can have.
const (
	formatUnknown = iota
	formatDocuments
	formatPostmortem
	formatZip
)

// notInput are files that sit next to incidents in a repository and are not incidents.
func notInput(name string) bool {
	lower := strings.ToLower(name)
	stem, _, _ := strings.Cut(lower, ".")
	switch stem {
	case "readme", "license", "licence", "changelog", "contributing", "copying", "notice", "codeowners", "security", "code_of_conduct", "_index":
		return true
	}
	return false
}

// plainText reports whether a file is named as plain text (.txt, .text).
func plainText(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".txt" || ext == ".text"
}

// sniff guesses the format of a file without a known extension from its first bytes.
func sniff(head []byte) int {
	if bytes.HasPrefix(head, []byte("PK\x03\x04")) {
		return formatZip
	}
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	head = bytes.TrimLeft(head, " \t\r\n")
	switch {
	case bytes.HasPrefix(head, []byte("#")):
		return formatPostmortem
	case bytes.HasPrefix(head, []byte("{")), bytes.HasPrefix(head, []byte("[")):
		return formatDocuments
	}
	return formatUnknown
}

func (r *reader) file(p string, explicit bool) error {
	name := filepath.Base(p)
	if !explicit && notInput(name) {
		return nil
	}
	lim := r.opts.Limits.withDefaults()
	format := formatUnknown
	switch strings.ToLower(filepath.Ext(name)) {
	case ".json", ".jsonl", ".ndjson":
		format = formatDocuments
	case ".md", ".markdown", ".txt", ".text":
		// Plain text is read as Markdown: a report pasted from a status page or an
		// e-mail is paragraphs, lists and lines in capitals or bold for headings.
		format = formatPostmortem
	case ".zip":
		format = formatZip
	case "":
		head, err := readHead(p, 512)
		if err != nil {
			return err
		}
		format = sniff(head)
	default:
		// A name such as "PM2022-009 - Bad AWS EKS AMI. Kernel bug" has a dot but no
		// real extension; its content decides.
		if strings.Contains(filepath.Ext(name), " ") {
			head, err := readHead(p, 512)
			if err != nil {
				return err
			}
			format = sniff(head)
		}
	}
	switch format {
	case formatZip:
		return r.export(p)
	case formatDocuments:
		f, err := os.Open(p)
		if err != nil {
			return statErr(p, err)
		}
		defer f.Close()
		incs, err := ReadDocuments(p, f, r.opts)
		if err != nil {
			return err
		}
		return r.add(p, incs...)
	case formatPostmortem:
		data, err := readFileLimited(p, lim.MaxFileBytes)
		if err != nil {
			return err
		}
		if !explicit && isPostmortemTemplate(p, string(data)) {
			return nil
		}
		// A text file of a line or two in a folder of reports is a note, not a report;
		// named on the command line, it is read and refused with its reason.
		if !explicit && plainText(p) && len(splitLines(string(data))) < 3 {
			return nil
		}
		inc, err := ReadPostmortem(p, data)
		if err != nil {
			return err
		}
		return r.add(p, inc)
	}
	if explicit {
		return invalidf("%s: unknown input format: want a .json/.jsonl document file, a .md postmortem, a Slack export (.zip or folder) or a folder of them", p)
	}
	return nil
}

func readHead(p string, n int) ([]byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, statErr(p, err)
	}
	defer f.Close()
	buf := make([]byte, n)
	k, err := f.Read(buf)
	if k == 0 && err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("read %s: %w", p, err)
	}
	return buf[:k], nil
}
