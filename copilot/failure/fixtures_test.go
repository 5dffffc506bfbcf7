package failure

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// postmortemTests are public postmortems (read-only fixtures) and a concept each
// must be given from its own text.
var postmortemTests = []struct {
	file, concept string
}{
	{"PM2019-009 - Kubernetes network infrastructure IP starvation.md", "ip-exhaustion"},
	{"PM2020-001 - Inotify file watches exhaustion.md", "fd-exhaustion"},
	{"PM2020-004 - CoreDNS upgrade issue.md", "dns-failure"},
	{"PM2021-004 - ADFS outage.md", "cert-expired"},
	{"PM2022-001 - Prometheus is down with connection refused errors.md", "conn-refused"},
	{"PM2022-006 - ALB 502 errors.md", "lb-upstream"},
	{"PM2024-001 - Two Kubernetes nodes went into NotReady state.md", "node-notready"},
	{"PM2025-001 - Node system resource starvation and scheduling capacity.md", "pod-pending"},
}

func TestPostmortemConcepts(t *testing.T) {
	dir := "../../../shared/fixtures/postmortems-dfds"
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("postmortem fixtures not available at %s", dir)
	}
	for _, tt := range postmortemTests {
		t.Run(tt.file, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join(dir, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			if got := Concepts(string(b)); !slices.Contains(got, tt.concept) {
				t.Errorf("Concepts = %v, want it to contain %s", got, tt.concept)
			}
		})
	}
}
