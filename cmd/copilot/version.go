package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/incidentcopilot/incident-copilot/embeddings"
	"github.com/incidentcopilot/incident-copilot/prompts"
)

// buildInfo is what the binary knows about itself from the Go toolchain's stamp.
type buildInfo struct {
	Version  string `json:"version"`
	Commit   string `json:"commit,omitempty"`
	Time     string `json:"commit_time,omitempty"`
	Modified bool   `json:"modified,omitempty"`
	Go       string `json:"go"`
}

func buildVersion() buildInfo {
	b := buildInfo{Version: "(devel)", Go: runtime.Version()}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return b
	}
	if v := bi.Main.Version; v != "" {
		b.Version = v
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			b.Commit = s.Value
		case "vcs.time":
			b.Time = s.Value
		case "vcs.modified":
			b.Modified = s.Value == "true"
		}
	}
	return b
}

func (b buildInfo) String() string {
	s := b.Version
	if b.Commit != "" {
		s += " (" + b.Commit[:min(len(b.Commit), 12)]
		if b.Modified {
			s += ", modified"
		}
		s += ")"
	}
	return s
}

// versionReport is `copilot version --json`.
type versionReport struct {
	buildInfo
	Embedder string   `json:"embedder"`
	Prompts  []string `json:"prompts"`
}

// version reports what produced an answer: the build, the embedder the environment
// configures and the prompt versions. It needs no database.
func (m *Main) version(asJSON bool) error {
	r := versionReport{buildInfo: buildVersion()}
	if model, err := embeddings.New(embeddings.ConfigFromEnv(m.Getenv)); err != nil {
		r.Embedder = "invalid configuration: " + userMessage(err)
	} else {
		r.Embedder = model.EmbedderID()
	}
	for _, id := range prompts.IDs() {
		if t, err := prompts.Get(id); err == nil {
			r.Prompts = append(r.Prompts, t.Version)
		}
	}
	if asJSON {
		return m.printJSON(r)
	}
	w := m.Stdout
	fmt.Fprintf(w, "copilot  %s\n", r.Version)
	if r.Commit != "" {
		mod := ""
		if r.Modified {
			mod = " (modified)"
		}
		fmt.Fprintf(w, "commit   %s%s %s\n", r.Commit, mod, r.Time)
	}
	fmt.Fprintf(w, "go       %s\nembedder %s\nprompts  %s\n", r.Go, r.Embedder, strings.Join(r.Prompts, ", "))
	return nil
}
