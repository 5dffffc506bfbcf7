// Package prompts owns the versioned prompt templates the LLM engine sends and the JSON
// output schemas each one expects, with a strict validator for the model's answers.
package prompts

import (
	"embed"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"text/template"
)

//go:embed templates/*.tmpl schemas/*.json
var files embed.FS

// Template ids.
const (
	Summary   = "summary"
	FollowUps = "followups"
	Runbook   = "runbook"
	Repair    = "repair"
)

// Template is one versioned prompt. Version ("summary/v1") goes into every answer's
// prompt_version so an eval run can tell which prompt produced it; a changed prompt
// is a new file with a new version, never an edit of an old one.
type Template struct {
	ID      string
	Version string
	// Schema is the JSON Schema text of the answer the prompt asks for; empty for
	// templates (repair) whose answer is another template's.
	Schema string

	tmpl   *template.Template
	schema *schema
}

// catalog lists the current version of each template with its schema file.
var catalog = []struct{ id, version, schema string }{
	{Summary, "v1", "schemas/summary.v1.json"},
	{FollowUps, "v1", "schemas/followups.v1.json"},
	{Runbook, "v1", "schemas/runbook.v1.json"},
	{Repair, "v1", ""},
}

// IDs returns the ids of the templates, sorted.
func IDs() []string {
	ids := make([]string, len(catalog))
	for i, c := range catalog {
		ids[i] = c.id
	}
	sort.Strings(ids)
	return ids
}

// Get returns the template with the given id ("summary") or exact version
// ("summary/v1"). Templates are parsed on each call: they are small, and callers
// keep the result for the life of a request.
func Get(id string) (*Template, error) {
	name, ver, _ := strings.Cut(id, "/")
	for _, c := range catalog {
		if c.id != name || (ver != "" && ver != c.version) {
			continue
		}
		return load(c.id, c.version, c.schema)
	}
	return nil, fmt.Errorf("prompt %q: unknown template (have %s)", id, strings.Join(IDs(), ", "))
}

func load(id, version, schemaPath string) (*Template, error) {
	t := &Template{ID: id, Version: id + "/" + version}
	if schemaPath != "" {
		b, err := files.ReadFile(schemaPath)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", schemaPath, err)
		}
		s, err := parseSchema(b)
		if err != nil {
			return nil, fmt.Errorf("parse %s: %w", schemaPath, err)
		}
		t.Schema, t.schema = strings.TrimSpace(string(b)), s
	}
	funcs := template.FuncMap{
		"schema": func() string { return t.Schema },
		"data":   Data,
		"join": func(xs []string, sep string) string {
			out := make([]string, len(xs))
			for i, x := range xs {
				out[i] = Data(x)
			}
			return strings.Join(out, sep)
		},
	}
	file := "templates/" + id + "." + version + ".tmpl"
	tm, err := template.New(id+"."+version+".tmpl").Funcs(funcs).Option("missingkey=error").
		ParseFS(files, file, "templates/rules."+version+".tmpl")
	if err != nil {
		return nil, fmt.Errorf("parse %s: %w", file, err)
	}
	t.tmpl = tm
	return t, nil
}

// Render returns the whole prompt (system part, a blank line, user part) for models
// that take a single message.
func (t *Template) Render(data any) (string, error) {
	system, user, err := t.RenderParts(data)
	if err != nil {
		return "", err
	}
	return system + "\n\n" + user, nil
}

// RenderParts returns the system instructions and the user message separately, for
// chat models: the rules travel in the system role, where transcript text cannot sit.
func (t *Template) RenderParts(data any) (system, user string, err error) {
	var sb, ub strings.Builder
	if err := t.tmpl.ExecuteTemplate(&sb, "system", data); err != nil {
		return "", "", fmt.Errorf("render %s system: %w", t.Version, err)
	}
	if err := t.tmpl.Execute(&ub, data); err != nil {
		return "", "", fmt.Errorf("render %s: %w", t.Version, err)
	}
	return strings.TrimSpace(sb.String()), strings.TrimSpace(ub.String()) + "\n", nil
}

// Validate checks a model's answer against the template's schema: one JSON object,
// every required field present, no field the schema does not list, types, enums and
// lengths as declared. The error (a *ValidationError for schema violations) lists
// each problem with its JSON path, short enough to send back in a repair prompt.
func (t *Template) Validate(answer []byte) error {
	if t.schema == nil {
		return fmt.Errorf("prompt %s has no output schema", t.Version)
	}
	return t.schema.validateJSON(answer)
}

// Data makes outside text safe to place inside the prompt's data sections: it breaks
// the tags that open and close them, so a message cannot end the transcript early and
// pose as instructions.
func Data(s string) string { return dataTagRE.ReplaceAllString(s, "‹$1") }

var dataTagRE = regexp.MustCompile(`(?i)<(\s*/?\s*(?:transcript|incident))`)

// Input is the data the templates render. Every string in it is outside text and must
// be redacted by the caller before it gets here.
type Input struct {
	IncidentID string
	Title      string
	Severity   string
	Services   []string
	// Transcript holds one message per line as "[ts] user: text".
	Transcript string
	// Omitted counts messages left out to fit the context budget.
	Omitted  int
	Tickets  []TicketInput
	Similar  []SimilarInput
	Runbooks []string
}

// TicketInput is a filed ticket, shown so the model can tell captured follow-ups.
type TicketInput struct {
	Key, Title, Status string
}

// SimilarInput is a past incident whose transcript a runbook prompt draws on.
type SimilarInput struct {
	IncidentID string
	Title      string
	Transcript string
}

// RepairInput is the data of the repair template.
type RepairInput struct {
	// Error says what was wrong with the previous answer.
	Error string
	// Schema is the schema the previous answer had to follow.
	Schema string
}
