package redact

import (
	"crypto/sha256"
	"encoding/hex"
	"maps"
	"slices"
	"strconv"

	"github.com/zricethezav/gitleaks/v8/config"
)

// rulesRevision changes by hand when code around the rules changes what is masked
// (a veto, a stage order) without any pattern changing.
const rulesRevision = 1

// Version names the rule set: a short hash of our patterns and kinds, the gitleaks
// release and its default config. Any rule change changes it, so content hashed
// with it (ingest) is redacted again under new rules.
var Version = version()

func version() string {
	h := sha256.New()
	h.Write([]byte("rev " + strconv.Itoa(rulesRevision) + "\n"))
	for i := range rules {
		r := &rules[i]
		h.Write([]byte(strconv.Itoa(int(r.stage)) + " " + r.kind + " " + r.re.String() + "\n"))
	}
	h.Write([]byte(gitleaksModule + "\n"))
	// Maps are hashed in key order, so the value does not vary from run to run.
	for _, id := range slices.Sorted(maps.Keys(skipRules)) {
		h.Write([]byte("skip " + id + " " + strconv.FormatBool(skipRules[id]) + "\n"))
	}
	for _, id := range slices.Sorted(maps.Keys(gitleaksKinds)) {
		h.Write([]byte("kind " + id + " " + gitleaksKinds[id] + "\n"))
	}
	h.Write([]byte("keep " + keepShapes.String() + "\n"))
	h.Write([]byte(config.DefaultConfig))
	return "redact-" + hex.EncodeToString(h.Sum(nil))[:12]
}
