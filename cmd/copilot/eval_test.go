package main

import (
	"context"
	"encoding/json"
	"io"
	"os"
	"time"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"path/filepath"
	"strings"
	"testing"
)

// TestEvalGateNamesMetric: a threshold no run can reach makes eval exit non-zero,
// and the message names the metric, its value and the threshold.
func TestEvalGateNamesMetric(t *testing.T) {
	t.Parallel()
	env := testEnv(t)
	dir := t.TempDir()
	gates := filepath.Join(dir, "gates.yaml")
	if err := os.WriteFile(gates, []byte("split: dev\ncapabilities:\n  summary:\n    - {metric: summary.citation_validity, min: 2}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, err := run(t, env, "eval", "--dataset", "../../evals/testdata/mini", "--gate", gates, "--record=false", "--report", filepath.Join(dir, "out"))
	if err == nil || exitCode(err) == 0 {
		t.Fatalf("eval passed an unreachable gate; stderr:\n%s", stderr)
	}
	if msg := userMessage(err); !strings.Contains(msg, "dev/summary.citation_validity 1 < 2") {
		t.Errorf("message %q does not name the metric", msg)
	}
	for _, f := range []string{"report.json", "report.md", "report.html"} {
		if _, err := os.Stat(filepath.Join(dir, "out", f)); err != nil {
			t.Errorf("report: %v", err)
		}
	}
}

// serveWith starts serve with env and returns its base URL; the server stops when
// the test ends.
func serveWith(t *testing.T, env func(string) string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	var logs syncBuffer
	m := &Main{Stdout: io.Discard, Stderr: &logs, Getenv: env, Ready: func(a string) { ready <- a }}
	go func() { done <- m.Run(ctx, []string{"serve", "--addr", "127.0.0.1:0"}) }()
	t.Cleanup(func() {
		cancel()
		<-done
	})
	select {
	case a := <-ready:
		return "http://" + a
	case err := <-done:
		t.Fatalf("serve exited: %v\n%s", err, logs.String())
	case <-time.After(60 * time.Second):
		t.Fatal("serve did not start")
	}
	return ""
}

func capabilitiesOf(t *testing.T, base string) map[string]copilot.CapabilityStatus {
	t.Helper()
	r := do(t, "GET", base+"/v1/capabilities", readerToken, nil)
	expectStatus(t, r, 200)
	var body struct {
		Capabilities []copilot.CapabilityStatus `json:"capabilities"`
	}
	if err := json.Unmarshal([]byte(r.body), &body); err != nil {
		t.Fatalf("GET /v1/capabilities: %v\n%s", err, r.body)
	}
	out := map[string]copilot.CapabilityStatus{}
	for _, st := range body.Capabilities {
		out[st.Capability] = st
	}
	return out
}

// TestRuntimeGates: a recorded run that passes the gates opens similar search on
// the configuration it measured; another embedder dimension makes the gate unknown
// and the capability suggest-only; the operator's off switch closes it whatever
// the run says, and its endpoints answer 503.
func TestRuntimeGates(t *testing.T) {
	t.Parallel()
	base := testEnv(t)
	gates := filepath.Join(t.TempDir(), "gates.yaml")
	// dev3 is the smallest labelled dataset with siblings to find (16 incidents, 8 of
	// them in shared families): the run only has to pass this file's gate.
	if err := os.WriteFile(gates, []byte("split: dev\nmin_incidents: 10\ncapabilities:\n  similar:\n    - {metric: similar.hit_at_3, min: 0}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	with := func(kv ...string) func(string) string { return envWith(base, kv...) }
	env := with("COPILOT_GATES", gates)
	if _, stderr, err := run(t, env, "migrate"); err != nil {
		t.Fatalf("migrate: %v\n%s", err, stderr)
	}
	// Only similar has a gate in this file: the others stay suggest-only.
	if _, stderr, err := run(t, env, "eval", "--dataset", "../../evals/testdata/dev3"); err != nil {
		t.Fatalf("eval: %v\n%s", err, stderr)
	}

	caps := capabilitiesOf(t, serveWith(t, env))
	if st := caps[copilot.CapSimilar]; st.Mode != copilot.ModeAct || !st.Verified || st.Gate != copilot.GatePass || st.Run == nil {
		t.Errorf("similar after a passing run = %+v, want act and verified", st)
	}
	if st := caps[copilot.CapSummary]; st.Mode != copilot.ModeSuggest || st.Verified {
		t.Errorf("summary without gates = %+v, want suggest_only", st)
	}

	t.Run("another embedder", func(t *testing.T) {
		caps := capabilitiesOf(t, serveWith(t, with("COPILOT_GATES", gates, "COPILOT_EMBED_DIM", "256")))
		st := caps[copilot.CapSimilar]
		if st.Mode != copilot.ModeSuggest || st.Verified || st.Gate != copilot.GateUnknown || !strings.Contains(st.Reason, "embedder") {
			t.Errorf("similar on another embedder = %+v, want unknown and suggest_only naming the embedder", st)
		}
	})

	t.Run("off switch", func(t *testing.T) {
		url := serveWith(t, with("COPILOT_GATES", gates, "COPILOT_CAPABILITIES", "similar:off,summary:suggest_only"))
		caps := capabilitiesOf(t, url)
		if st := caps[copilot.CapSimilar]; st.Mode != copilot.ModeOff || st.Gate != copilot.GatePass {
			t.Errorf("similar switched off = %+v", st)
		}
		r := do(t, "POST", url+"/v1/search", readerToken, map[string]any{"query": "kafka lag"})
		expectStatus(t, r, 503)
		if !strings.Contains(r.body, "turned off by the operator") {
			t.Errorf("503 body %s does not say the operator turned it off", r.body)
		}
	})

	t.Run("CLI answers ask the gates too", func(t *testing.T) {
		off := with("COPILOT_GATES", gates, "COPILOT_CAPABILITIES", "summary:off")
		_, _, err := run(t, off, "summarize", "INC-1")
		if copilot.ErrorCode(err) != copilot.EUNAVAILABLE || !strings.Contains(userMessage(err), "turned off by the operator") {
			t.Errorf("summarize with summary off: %v", err)
		}
	})

	t.Run("bad switch", func(t *testing.T) {
		_, _, err := run(t, with("COPILOT_CAPABILITIES", "similar:maybe"), "capabilities")
		if err == nil || !strings.Contains(userMessage(err), "COPILOT_CAPABILITIES") {
			t.Errorf("err = %v, want COPILOT_CAPABILITIES named", err)
		}
	})
}
