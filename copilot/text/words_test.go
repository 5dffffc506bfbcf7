package text

import (
	"slices"
	"testing"
)

var contentTermTests = []struct {
	in   string
	want []string
}{
	{"We should rotate the certs; rotation failed", []string{"rotat", "cert", "fail"}},
	{"the and of we should just", nil},
	{"error 503 from api_gw at 10:42", []string{"error", "api_gw"}},
	{"Alice's pods aren't ready, not ready", []string{"alic", "pod", "aren't", "readi"}},
}

func TestContentTerms(t *testing.T) {
	for _, tt := range contentTermTests {
		if got := ContentTerms(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("ContentTerms(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestStopWordsKeepNegations(t *testing.T) {
	for _, w := range []string{"not", "no", "never"} {
		if IsStopWord(w) || !IsNegation(w) || IsContent(w) {
			t.Errorf("%q: stop %v, negation %v, content %v", w, IsStopWord(w), IsNegation(w), IsContent(w))
		}
	}
}

func TestIsNumber(t *testing.T) {
	for s, want := range map[string]bool{"": false, "503": true, "٣": true, "5xx": false} {
		if IsNumber(s) != want {
			t.Errorf("IsNumber(%q) = %v", s, !want)
		}
	}
}
