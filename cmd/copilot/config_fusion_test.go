package main

import (
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// TestFusionVectorWeightConfig: COPILOT_FUSION_VECTOR_WEIGHT unset leaves the store's
// default (nil), 0 is a share of its own (not "unset"), and anything outside 0..1 is
// a usage mistake.
func TestFusionVectorWeightConfig(t *testing.T) {
	read := func(v string) (Config, error) {
		env := map[string]string{"DATABASE_URL": "postgres://localhost/x", "COPILOT_FUSION_VECTOR_WEIGHT": v}
		return ConfigFromEnv(func(k string) string { return env[k] })
	}
	if c, err := read(""); err != nil || c.VectorWeight != nil {
		t.Fatalf("unset: %v, %v; want nil", c.VectorWeight, err)
	}
	for v, want := range map[string]float64{"0": 0, "0.25": 0.25, "1": 1} {
		c, err := read(v)
		if err != nil || c.VectorWeight == nil || *c.VectorWeight != want {
			t.Errorf("%q: %v, %v; want %v", v, c.VectorWeight, err, want)
		}
	}
	for _, v := range []string{"-0.1", "1.5", "NaN", "x", "0.4 "} {
		if _, err := read(v); copilot.ErrorCode(err) != copilot.EINVALID {
			t.Errorf("%q: err %v, want EINVALID", v, err)
		}
	}
}

// TestLexicalNormConfig: COPILOT_LEXICAL_NORM passes a known value (or parts joined
// with "+") to the store and refuses an unknown one as a usage mistake.
func TestLexicalNormConfig(t *testing.T) {
	read := func(v string) (Config, error) {
		env := map[string]string{"DATABASE_URL": "postgres://localhost/x", "COPILOT_LEXICAL_NORM": v}
		return ConfigFromEnv(func(k string) string { return env[k] })
	}
	for _, v := range []string{"", "bm25", "qtf+long", "qidf+qtf+b1"} {
		if c, err := read(v); err != nil || c.LexicalNorm != v {
			t.Errorf("%q: %q, %v; want it kept", v, c.LexicalNorm, err)
		}
	}
	for _, v := range []string{"cosine", "qtf+", "QTF", "qtf long"} {
		if _, err := read(v); copilot.ErrorCode(err) != copilot.EINVALID {
			t.Errorf("%q: err %v, want EINVALID", v, err)
		}
	}
}
