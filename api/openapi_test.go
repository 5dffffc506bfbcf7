package api

import (
	"encoding/json"
	"net/http"
	"sort"
	"strings"
	"testing"

	"github.com/go-chi/chi/v5"
)

// TestOpenAPIMatchesRouter keeps the published document and the router in step:
// every route is documented and every documented operation is routed.
func TestOpenAPIMatchesRouter(t *testing.T) {
	var doc struct {
		Paths map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(openAPIDoc, &doc); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	documented := map[string]bool{}
	for path, ops := range doc.Paths {
		for method := range ops {
			documented[strings.ToUpper(method)+" "+path] = true
		}
	}
	routed := map[string]bool{}
	s := NewServer(nil, nil, Options{})
	err := chi.Walk(s.router, func(method, route string, _ http.Handler, _ ...func(http.Handler) http.Handler) error {
		route = strings.TrimSuffix(route, "/")
		if strings.Contains(route, "/*") {
			return nil
		}
		routed[method+" "+route] = true
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var missing, extra []string
	for r := range routed {
		if !documented[r] {
			missing = append(missing, r)
		}
	}
	for d := range documented {
		if !routed[d] {
			extra = append(extra, d)
		}
	}
	sort.Strings(missing)
	sort.Strings(extra)
	if len(missing) > 0 {
		t.Errorf("routes missing from openapi.json: %v", missing)
	}
	if len(extra) > 0 {
		t.Errorf("openapi.json documents operations the router lacks: %v", extra)
	}
	if len(routed) < 10 {
		t.Errorf("walked only %d routes", len(routed))
	}
}

var tokenTests = []struct {
	name    string
	spec    string
	wantErr string
	check   func(t *testing.T, tk *Tokens)
}{
	{name: "empty", spec: "", check: func(t *testing.T, tk *Tokens) {
		if !tk.Empty() {
			t.Error("not empty")
		}
	}},
	{name: "two callers", spec: "bot:abcdefghijklmnop1:read, ops:qrstuvwxyz12345678:read+write+private", check: func(t *testing.T, tk *Tokens) {
		if c := tk.lookup("abcdefghijklmnop1"); c == nil || c.Name != "bot" || c.Scopes[ScopeWrite] {
			t.Errorf("bot = %+v", c)
		}
		if c := tk.lookup("qrstuvwxyz12345678"); c == nil || !c.Scopes[ScopePrivate] {
			t.Errorf("ops = %+v", c)
		}
		if tk.lookup("abcdefghijklmnop") != nil || tk.lookup("") != nil {
			t.Error("prefix or empty token accepted")
		}
	}},
	{name: "missing scope", spec: "bot:abcdefghijklmnop1", wantErr: "entry 1"},
	{name: "unknown scope", spec: "bot:abcdefghijklmnop1:admin", wantErr: `unknown scope "admin"`},
	{name: "short token", spec: "bot:short:read", wantErr: "shorter than 16"},
	{name: "duplicate name", spec: "a:abcdefghijklmnop1:read,a:abcdefghijklmnop2:read", wantErr: "appears twice"},
}

func TestParseTokens(t *testing.T) {
	for _, tt := range tokenTests {
		t.Run(tt.name, func(t *testing.T) {
			tk, err := ParseTokens(tt.spec)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				if strings.Contains(err.Error(), "abcdefghijklmnop") || strings.Contains(err.Error(), "short") && tt.name != "short token" {
					t.Errorf("error reveals the token: %v", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, tk)
		})
	}
}

func TestErrorStatusTable(t *testing.T) {
	for code, want := range map[string]int{"invalid": 400, "unauthorized": 401, "forbidden": 403, "not_found": 404, "too_large": 413, "unavailable": 503, "internal": 500, "something-else": 500} {
		if got := StatusOf(code); got != want {
			t.Errorf("StatusOf(%q) = %d, want %d", code, got, want)
		}
	}
}
