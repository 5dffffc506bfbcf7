package text

import (
	"slices"
	"testing"
)

var ticketRefTests = []struct {
	in       string
	key, url string
}{
	{"filed PAY-881 for it", "PAY-881", ""},
	{"see https://acme.atlassian.net/browse/OPS-12.", "OPS-12", "https://acme.atlassian.net/browse/OPS-12"},
	{"https://linear.app/acme/issue/ENG-4/x", "ENG-4", "https://linear.app/acme/issue/ENG-4/x"},
	{"https://github.com/acme/api/issues/77", "https://github.com/acme/api/issues/77", "https://github.com/acme/api/issues/77"},
	{"CVE-2024-3094 and SEV-1, ISO-8601", "", ""},
	{"pod x-PAY-12 and v1.PAY-3 are not keys", "", ""},
	{"nothing here", "", ""},
	{"sweep partial dirs before each sync (mirror-ops#88)", "mirror-ops#88", ""},
	{"tracked in infra/ops#212, thanks", "infra/ops#212", ""},
	{"problem record PRB0041873 raised", "PRB0041873", ""},
	{"see #212 and <#C0123|ops>, C#", "", ""},
	{"INC0012345 is the incident record", "", ""},
	{"kaito opened pull request #4471 in exchange/withdrawal-worker: Park failing items", "exchange/withdrawal-worker#4471", ""},
	{"Issue #88 on helixlab/demux-tools was closed", "helixlab/demux-tools#88", ""},
	{"pull request #12 is ready", "", ""},
	{"switch to DNS-01 challenges", "", ""},
	{"I'll make ORA-28002 / any password-expiry warning log at ERROR", "", ""},
	{"TNS-12541 no listener, then RMAN-03009 on the backup", "", ""},
}

func TestWithoutTicketRefsKeepsTheWords(t *testing.T) {
	for in, want := range map[string]string{
		"sweep dirs (mirror-ops#88) now":   "sweep dirs () now",
		"tracked in infra/ops#212, thanks": "tracked in , thanks",
		"PRB0041873 cert inventory":        " cert inventory",
		"OPS-12 and see #212":              " and see #212",
		"opened PR #7 in acme/api: retry":  "opened : retry",
	} {
		if got := WithoutTicketRefs(in); got != want {
			t.Errorf("WithoutTicketRefs(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTicketRef(t *testing.T) {
	for _, tt := range ticketRefTests {
		key, url, ok := TicketRef(tt.in)
		if key != tt.key || url != tt.url || ok != (tt.key != "") {
			t.Errorf("TicketRef(%q) = %q, %q, %v; want %q, %q", tt.in, key, url, ok, tt.key, tt.url)
		}
	}
}

// TestTicketKeysAgreeWithScanner holds the regular-expression reader and the byte
// scanner (used by the lexicon's tokenizer) to one rule.
func TestTicketKeysAgreeWithScanner(t *testing.T) {
	for _, s := range []string{"PAY-881 OPS-12, A-1 ABCDEFGHIJK-2 X1-3", "(INC-7) PM2019-009 sev-1", "a-PAY-1 PAY-1-2 PAY-1x"} {
		var scanned []string
		for i := 0; i < len(s); i++ {
			if n := TicketKeyLen(s, i); n > 0 {
				scanned = append(scanned, s[i:i+n])
				i += n - 1
			}
		}
		if got := TicketKeys(s); !slices.Equal(got, scanned) {
			t.Errorf("%q: TicketKeys = %q, scanner = %q", s, got, scanned)
		}
	}
}

func TestWithoutTicketRefs(t *testing.T) {
	if got := WithoutTicketRefs("done in PAY-881 https://x.atlassian.net/browse/PAY-881"); got != "done in  " {
		t.Errorf("WithoutTicketRefs = %q", got)
	}
}
