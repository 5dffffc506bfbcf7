package copilot

import "testing"

var placeholderTests = []struct {
	name          string
	in            string
	secret, empty bool
}{
	{"plain", "rolled back the deploy", false, false},
	{"credential", "token=[REDACTED:slack-token] in the log", true, false},
	{"email only", "mail [REDACTED:email] about it", false, false},
	{"phone and key", "[REDACTED:phone] [REDACTED:aws-key]", true, true},
	{"all placeholders", " [REDACTED:password], [REDACTED:aws-secret].", true, true},
	{"all email", "[REDACTED:email]", false, true},
	{"lookalike", "[REDACTED:] and [REDACTED", false, false},
}

func TestPlaceholders(t *testing.T) {
	for _, tt := range placeholderTests {
		t.Run(tt.name, func(t *testing.T) {
			if got := HasMaskedSecret(tt.in); got != tt.secret {
				t.Errorf("HasMaskedSecret(%q) = %v, want %v", tt.in, got, tt.secret)
			}
			if got := OnlyPlaceholders(tt.in); got != tt.empty {
				t.Errorf("OnlyPlaceholders(%q) = %v, want %v", tt.in, got, tt.empty)
			}
		})
	}
}
