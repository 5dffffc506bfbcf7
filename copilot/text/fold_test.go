package text

import "testing"

func TestFoldAccents(t *testing.T) {
	for in, want := range map[string]string{
		"Tomás":      "Tomas",
		"Lucía Peña": "Lucia Pena",
		"Inês":       "Ines",
		"plain":      "plain",
		"":           "",
	} {
		if got := FoldAccents(in); got != want {
			t.Errorf("FoldAccents(%q) = %q, want %q", in, got, want)
		}
	}
}
