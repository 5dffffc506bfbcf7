package transcript

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

func jsonOf(t *testing.T, v any) string {
	t.Helper()
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b) + "\n"
}

// checkGolden compares got with testdata/<name>, or rewrites it with -update.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden (run go test -update to create it): %v", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file (run go test -update after checking the change):\n--- got\n%s", path, got)
	}
}

// fixtures returns the path of a shared fixture, skipping the test when the fixtures
// folder is absent (a checkout without ../shared).
func fixtures(t testing.TB, rel string) string {
	t.Helper()
	const root = "../../../shared/fixtures"
	if _, err := os.Stat(root); err != nil {
		t.Skipf("shared fixtures not present at %s: %v", root, err)
	}
	return filepath.Join(root, rel)
}
