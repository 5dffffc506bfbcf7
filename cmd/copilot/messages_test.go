package main

import (
	"strings"
	"testing"
)

// TestSkippedChannelsAreNamed: an export whose channels do not match the pattern
// says which channels it skipped and which flag picks them.
func TestSkippedChannelsAreNamed(t *testing.T) {
	t.Parallel()
	env := testEnv(t)
	if _, stderr, err := run(t, env, "migrate"); err != nil {
		t.Fatalf("migrate: %v\n%s", err, stderr)
	}
	_, stderr, err := run(t, env, "ingest", "--channel-pattern", "^nothing-matches$", "../../copilot/transcript/testdata/slack-export")
	if err != nil {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	}
	for _, want := range []string{"skipped", "do not match --channel-pattern '^nothing-matches$'", "inc-2041-checkout-5xx", "no incidents found"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
}

// TestMissingSchemaSaysMigrate: a database that was never migrated answers with the
// command that fixes it, not with "relation does not exist".
func TestMissingSchemaSaysMigrate(t *testing.T) {
	t.Parallel()
	env := emptyEnv(t)
	for _, args := range [][]string{{"stats"}, {"list"}, {"search", "pool exhausted"}} {
		_, _, err := run(t, env, args...)
		if err == nil {
			t.Fatalf("%v on an empty schema succeeded", args)
		}
		if msg := userMessage(err); !strings.Contains(msg, "run `copilot migrate`") {
			t.Errorf("%v: %q does not say to run copilot migrate", args, msg)
		}
	}
}

// TestUnreachableDatabaseSaysWhere names host, port and cause, never credentials.
func TestUnreachableDatabaseSaysWhere(t *testing.T) {
	t.Parallel()
	env := func(k string) string {
		if k == "DATABASE_URL" {
			return "postgres://someone:Hunter2Secret@127.0.0.1:1/none?sslmode=disable&connect_timeout=2"
		}
		return ""
	}
	_, _, err := run(t, env, "stats")
	msg := userMessage(err)
	if exitCode(err) != 1 || !strings.Contains(msg, "127.0.0.1:1") || !strings.Contains(msg, "refused") {
		t.Errorf("unreachable database: %q (exit %d)", msg, exitCode(err))
	}
	if strings.Contains(msg, "Hunter2Secret") || strings.Contains(msg, "someone") {
		t.Errorf("message reveals credentials: %q", msg)
	}
}
