package embeddings

import (
	"bytes"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/failure"
	"github.com/incidentcopilot/incident-copilot/copilot/text"
)

var validateTests = []struct {
	name      string
	cfg       Config
	wantField string // "" = valid
}{
	{"zero value is local 384", Config{}, ""},
	{"local explicit", Config{Provider: "local", Dimensions: 128}, ""},
	{"local case and spaces", Config{Provider: " Local "}, ""},
	{"local too small", Config{Dimensions: 8}, "Dimensions"},
	{"local too big", Config{Dimensions: 5000}, "Dimensions"},
	{"unknown provider", Config{Provider: "cohere"}, "Provider"},
	{"openai ok", Config{Provider: "openai", Model: "text-embedding-3-small", APIKey: "k", Dimensions: 1536}, ""},
	{"openai without model", Config{Provider: "openai", APIKey: "k", Dimensions: 1536}, "Model"},
	{"openai without dimensions", Config{Provider: "openai", Model: "m", APIKey: "k"}, "Dimensions"},
	{"openai without key", Config{Provider: "openai", Model: "m", Dimensions: 3}, "APIKey"},
	{"compatible server without key", Config{Provider: "openai", Model: "nomic-embed-text", BaseURL: "http://localhost:11434/v1", Dimensions: 768}, ""},
	{"bad base url", Config{Provider: "openai", Model: "m", BaseURL: "localhost:11434", Dimensions: 3}, "BaseURL"},
	{"base url with credentials", Config{Provider: "openai", Model: "m", BaseURL: "https://user:pw@example.com/v1", Dimensions: 3}, "BaseURL"},
	{"batch too big", Config{Provider: "openai", Model: "m", APIKey: "k", Dimensions: 3, BatchSize: 5000}, "BatchSize"},
	{"negative batch", Config{Provider: "openai", Model: "m", APIKey: "k", Dimensions: 3, BatchSize: -1}, "BatchSize"},
}

func TestValidate(t *testing.T) {
	for _, tt := range validateTests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.cfg.Validate()
			if tt.wantField == "" {
				if err != nil {
					t.Fatalf("Validate() = %v, want nil", err)
				}
				return
			}
			if copilot.ErrorCode(err) != copilot.EINVALID {
				t.Fatalf("Validate() = %v, want EINVALID", err)
			}
			if msg := copilot.ErrorMessage(err); !strings.Contains(msg, tt.wantField) {
				t.Errorf("message %q does not name %s", msg, tt.wantField)
			}
			if strings.Contains(err.Error(), "pw@") {
				t.Errorf("message repeats the URL's credentials: %q", err)
			}
		})
	}
}

func TestValidateNeverRepeatsKey(t *testing.T) {
	cfg := Config{Provider: "openai", APIKey: "sk-very-secret", Dimensions: 3} // no model
	if err := cfg.Validate(); err == nil || strings.Contains(err.Error(), "sk-very-secret") {
		t.Errorf("Validate() = %v", err)
	}
}

func env(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

func TestConfigFromEnv(t *testing.T) {
	tests := []struct {
		name    string
		env     map[string]string
		want    Config
		wantErr string
	}{
		{"empty", map[string]string{}, Config{}, ""},
		{"all set", map[string]string{
			"COPILOT_EMBEDDER": "openai", "COPILOT_EMBED_MODEL": "text-embedding-3-small",
			"COPILOT_EMBED_BASE_URL": "https://api.openai.com/v1", "COPILOT_EMBED_API_KEY": "k1",
			"OPENAI_API_KEY": "k2", "COPILOT_EMBED_DIM": "1536",
		}, Config{Provider: "openai", Model: "text-embedding-3-small", BaseURL: "https://api.openai.com/v1", APIKey: "k1", Dimensions: 1536}, ""},
		{"key fallback", map[string]string{"OPENAI_API_KEY": "k2"}, Config{APIKey: "k2"}, ""},
		{"dim not a number", map[string]string{"COPILOT_EMBED_DIM": "lots"}, Config{}, "COPILOT_EMBED_DIM"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ConfigFromEnv(env(tt.env))
			err := got.Validate()
			if tt.wantErr != "" {
				if copilot.ErrorCode(err) != copilot.EINVALID || !strings.Contains(err.Error(), tt.wantErr) {
					t.Errorf("Validate() = %v, want EINVALID naming %s", err, tt.wantErr)
				}
				return
			}
			got.envErr = ""
			if got.Provider != tt.want.Provider || got.Model != tt.want.Model || got.BaseURL != tt.want.BaseURL ||
				got.APIKey != tt.want.APIKey || got.Dimensions != tt.want.Dimensions {
				t.Errorf("ConfigFromEnv = %+v, want %+v", got, tt.want)
			}
			if err != nil {
				t.Errorf("Validate() = %v", err)
			}
		})
	}
}

func TestNewLocalByDefault(t *testing.T) {
	m, err := New(ConfigFromEnv(env(nil)))
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := m.(*Local); !ok || m.EmbedderID() != "local/v1/384/lex-"+failure.Version()+"/text-"+text.Version() || m.Dimensions() != 384 {
		t.Errorf("New(default) = %T %q", m, m.EmbedderID())
	}
	if _, err := New(Config{Provider: "nope"}); copilot.ErrorCode(err) != copilot.EINVALID {
		t.Errorf("New(bad) error = %v", err)
	}
}

func TestConfigPrintsNoSecrets(t *testing.T) {
	cfg := Config{Provider: "openai", Model: "m", BaseURL: "https://user:pw-secret@example.com/v1?key=q-secret", APIKey: "sk-very-secret", Dimensions: 3}
	var logged bytes.Buffer
	slog.New(slog.NewJSONHandler(&logged, nil)).Info("config", "embedder", cfg)
	for _, out := range []string{fmt.Sprint(cfg), fmt.Sprintf("%+v", cfg), fmt.Sprintf("%#v", cfg), logged.String()} {
		for _, secret := range []string{"sk-very-secret", "pw-secret", "q-secret"} {
			if strings.Contains(out, secret) {
				t.Errorf("%q leaks %s", out, secret)
			}
		}
		if !strings.Contains(out, "example.com") || !strings.Contains(out, "set") {
			t.Errorf("%q lost the harmless fields", out)
		}
	}
}
