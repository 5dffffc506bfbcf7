package local

import (
	"strings"
	"testing"
)

// A time said with its seconds or followed by a colon, and a window between two
// times, are quoted whole; only shortcodes are emoji.
func TestQuoteKeepsTimes(t *testing.T) {
	for in, want := range map[string]string{
		"payments shipped a migration last night 23:40: amount_cents renamed": "last night 23:40: amount_cents",
		"job pod created 05:00:03, it simply started 2h late":                 "created 05:00:03,",
		"23k android users crashed at launch 11:03-11:25":                     "launch 11:03-11:25",
		"thats the old connector :facepalm: :+1:":                             "Thats the old connector",
	} {
		if got := quote(in); !strings.Contains(got, want) || strings.Contains(got, ":facepalm:") || strings.Contains(got, ":+1:") {
			t.Errorf("quote(%q) = %q, want it to hold %q and no shortcode", in, got, want)
		}
	}
}
