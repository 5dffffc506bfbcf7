package layout

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os/exec"
	"strings"
	"testing"
)

const module = "github.com/incidentcopilot/incident-copilot"

// rule is one row of the "may import" table of the architecture guide: packages of
// this module (paths below the module) and third-party module path prefixes. The
// standard library is always allowed; any means no limit.
type rule struct {
	internal []string
	external []string
	any      bool
}

var (
	gitleaks   = []string{"github.com/zricethezav/gitleaks/v8", "github.com/spf13/viper", "github.com/BobuSumisu/aho-corasick"}
	langchain  = []string{"github.com/tmc/langchaingo"}
	postgresql = []string{"github.com/jackc/pgx/v5", "github.com/pgvector/pgvector-go", "github.com/riverqueue/river", "github.com/pressly/goose/v3"}
)

// rules encodes the table. Where it deviates from the guide's wording, the comment
// says why.
var rules = map[string]rule{
	"copilot":            {}, // the domain: stdlib only
	"copilot/text":       {external: []string{"github.com/kljensen/snowball", "golang.org/x/text", "github.com/kyokomi/emoji/v2"}},
	"copilot/transcript": {internal: []string{"copilot", "copilot/text"}, external: []string{"github.com/yuin/goldmark"}},
	"copilot/failure":    {internal: []string{"copilot/text"}},
	// gitleaks reads its rules through viper and matches keywords with aho-corasick.
	"copilot/redact":            {external: gitleaks},
	"copilot/redact/redacttest": {internal: []string{"copilot/redact"}},
	"copilot/local":             {internal: []string{"copilot", "copilot/text", "copilot/failure"}},
	"copilot/llm":               {internal: []string{"copilot", "copilot/text", "prompts"}, external: langchain},
	"copilot/memtest":           {internal: []string{"copilot"}},
	"retrieval":                 {internal: []string{"copilot", "copilot/text", "copilot/failure"}},
	// goose applies the embedded migrations.
	"retrieval/postgres": {internal: []string{"copilot", "copilot/failure", "copilot/text", "retrieval"}, external: postgresql},
	// embeddings implements copilot.Embedder and speaks copilot.Error codes.
	"embeddings": {internal: []string{"copilot", "copilot/text", "copilot/failure", "copilot/redact"}, external: langchain},
	// The text toolkit is a stdlib leaf beside the domain: prompts clips with it.
	"prompts": {internal: []string{"copilot/text"}},
	// Gates are data: evals/gates.yaml and floors.yaml are read with a YAML parser.
	"evals": {internal: []string{"copilot", "copilot/transcript", "copilot/text", "retrieval"}, external: []string{"gopkg.in/yaml.v3"}},
	// /metrics is Prometheus' exposition format.
	"api":          {internal: []string{"copilot", "copilot/transcript"}, external: []string{"github.com/go-chi/chi/v5", "github.com/prometheus/client_golang"}},
	"api/slack":    {internal: []string{"copilot", "copilot/transcript", "copilot/redact", "copilot/text"}, external: []string{"github.com/slack-go/slack"}},
	"tracker/jira": {internal: []string{"copilot"}},
	"jira":         {internal: []string{"copilot"}},
	"cmd/copilot":  {any: true},
	// Test and benchmark helpers.
	"internal/bench":  {any: true},
	"internal/synth":  {internal: []string{"copilot"}},
	"internal/dbtest": {external: []string{"github.com/jackc/pgx/v5"}},
	"internal/layout": {},
}

// ruleFor returns the rule of pkg (a path below the module), or of its nearest
// listed parent, so that a new sub-package starts with its parent's limits.
func ruleFor(pkg string) (rule, string, bool) {
	for p := pkg; ; {
		if r, ok := rules[p]; ok {
			return r, p, true
		}
		i := strings.LastIndexByte(p, '/')
		if i < 0 {
			return rule{}, "", false
		}
		p = p[:i]
	}
}

type listed struct {
	ImportPath string
	Imports    []string
}

// packages runs go list over the module; only non-test imports are checked.
func packages(t *testing.T) []listed {
	t.Helper()
	cmd := exec.Command("go", "list", "-json=ImportPath,Imports", "../../...")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, stderr.Bytes())
	}
	var pkgs []listed
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p listed
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatalf("decode go list output: %v", err)
		}
		pkgs = append(pkgs, p)
	}
	return pkgs
}

func TestImportsFollowTheArchitecture(t *testing.T) {
	pkgs := packages(t)
	if len(pkgs) < 10 {
		t.Fatalf("go list found %d packages; is the test run from internal/layout?", len(pkgs))
	}
	for _, p := range pkgs {
		pkg := strings.TrimPrefix(p.ImportPath, module+"/")
		if p.ImportPath == module {
			pkg = "."
		}
		r, row, ok := ruleFor(pkg)
		if !ok {
			t.Errorf("%s is not in the import table of internal/layout: add a row following /work/shared/ARCHITECTURE.md", pkg)
			continue
		}
		for _, imp := range p.Imports {
			if why := check(r, imp); why != "" {
				t.Errorf("%s imports %s, but the rule for %s allows %s", pkg, imp, row, why)
			}
		}
	}
}

// check returns "" when rule r allows importing imp, else what r allows.
func check(r rule, imp string) string {
	if r.any {
		return ""
	}
	if rest, ok := strings.CutPrefix(imp, module+"/"); ok {
		for _, a := range r.internal {
			if rest == a {
				return ""
			}
		}
		return describe(r)
	}
	first, _, _ := strings.Cut(imp, "/")
	if !strings.Contains(first, ".") {
		return "" // standard library
	}
	for _, a := range r.external {
		if imp == a || strings.HasPrefix(imp, a+"/") {
			return ""
		}
	}
	return describe(r)
}

func describe(r rule) string {
	allowed := []string{"the standard library"}
	allowed = append(allowed, r.internal...)
	allowed = append(allowed, r.external...)
	return strings.Join(allowed, ", ") + " only"
}

func TestCheckNamesTheRule(t *testing.T) {
	if why := check(rules["copilot"], module+"/copilot/text"); why == "" {
		t.Error("the domain may import copilot/text")
	}
	if why := check(rules["retrieval"], "github.com/jackc/pgx/v5"); !strings.Contains(why, "copilot/failure") {
		t.Errorf("retrieval importing pgx: %q", why)
	}
	if why := check(rules["embeddings"], "github.com/tmc/langchaingo/llms/openai"); why != "" {
		t.Errorf("embeddings importing a langchaingo provider: %q", why)
	}
}
