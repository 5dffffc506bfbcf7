package text

import "testing"

func TestPlainMarks(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"I’ll add it", "I'll add it"},
		{"“ttl” stays\u00a0on", `"ttl" stays on`},
		{"next time :sweat_smile:", "next time 😅"},
		{":+1::skin-tone-2: ok", "👍🏻 ok"},
		{"from 12:00: to 13:05:", "from 12:00: to 13:05:"},
		{"a :not_an_emoji_at_all: code", "a :not_an_emoji_at_all: code"},
		{"plain", "plain"},
	} {
		if got := PlainMarks(tt.in); got != tt.want {
			t.Errorf("PlainMarks(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
