package text

import (
	"strings"
	"testing"
	"unicode/utf8"
)

var clipTests = []struct {
	name string
	f    func(string, int) string
	in   string
	n    int
	want string
}{
	{"short", Clip, "abc", 3, "abc"},
	{"runes", Clip, "héllo wörld", 5, "héllo…"},
	{"words", ClipWords, "the pool ran out of connections", 20, "the pool ran out of…"},
	{"words trims separators", ClipWords, "first step, second step", 12, "first step…"},
	{"no boundary late enough", ClipWords, "a verylongwordwithoutspaces", 10, "a verylong…"},
	{"bytes", func(s string, n int) string { return ClipBytes(s, n, "") }, "héllo", 2, "h"},
	{"bytes marked", func(s string, n int) string { return ClipBytes(s, n, Ellipsis) }, "héllo", 3, "hé…"},
}

func TestClip(t *testing.T) {
	for _, tt := range clipTests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.f(tt.in, tt.n)
			if got != tt.want || !utf8.ValidString(got) {
				t.Errorf("clip(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
			}
		})
	}
}

func FuzzClip(f *testing.F) {
	f.Add("héllo wörld, again", 7)
	f.Fuzz(func(t *testing.T, s string, n int) {
		if n < 0 || n > 1000 || !utf8.ValidString(s) {
			return
		}
		for _, got := range []string{Clip(s, n), ClipWords(s, n)} {
			if !utf8.ValidString(got) || utf8.RuneCountInString(strings.TrimSuffix(got, Ellipsis)) > n {
				t.Fatalf("clip(%q, %d) = %q", s, n, got)
			}
		}
		if got := ClipBytes(s, n, ""); len(got) > n || !utf8.ValidString(got) {
			t.Fatalf("ClipBytes(%q, %d) = %q", s, n, got)
		}
	})
}
