package copilot

import (
	"strings"
	"testing"
)

func TestValidID(t *testing.T) {
	good := []string{"INC-2041", "inc-payments-db", "PM2026-001", "a", "x.y_z:1-2", strings.Repeat("a", 128)}
	bad := []string{"", "-x", ".x", "a/b", "a b", "a\x00b", "caf\xe9", "é", strings.Repeat("a", 129), "a?b", "a#b", "a%2Fb"}
	for _, id := range good {
		if !ValidID(id) {
			t.Errorf("ValidID(%q) = false, want true", id)
		}
		if err := CheckID("field \"id\"", id); err != nil {
			t.Errorf("CheckID(%q) = %v", id, err)
		}
	}
	for _, id := range bad {
		if ValidID(id) {
			t.Errorf("ValidID(%q) = true, want false", id)
		}
		err := CheckID(`field "id"`, id)
		if ErrorCode(err) != EINVALID || !strings.Contains(ErrorMessage(err), `field "id"`) {
			t.Errorf("CheckID(%q) = %v, want EINVALID naming the field", id, err)
		}
		if strings.ContainsRune(ErrorMessage(err), 0) || len(ErrorMessage(err)) > 300 {
			t.Errorf("CheckID(%q) message echoes the raw value: %q", id, ErrorMessage(err))
		}
	}
}

func TestCheckText(t *testing.T) {
	if err := CheckText("x", "plain text, ünïcode ✓"); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"before\x00after", "bad \xff byte", "\xc3"} {
		err := CheckText(`line 3, field "text"`, s)
		if ErrorCode(err) != EINVALID || !strings.Contains(ErrorMessage(err), `line 3, field "text"`) {
			t.Errorf("CheckText(%q) = %v", s, err)
		}
	}
	if got := ErrorMessage(CheckText("f", "ab\xffc")); !strings.Contains(got, "byte 2") {
		t.Errorf("offset not named: %q", got)
	}
}

func TestQuoteValue(t *testing.T) {
	if got := Quote(strings.Repeat("é", 50), 5); got != `"\u00e9\u00e9\u00e9\u00e9\u00e9"…` {
		t.Errorf("Quote cut = %s", got)
	}
	if got := Quote("a\x00b", 10); got != `"a\x00b"` {
		t.Errorf("Quote NUL = %s", got)
	}
}
