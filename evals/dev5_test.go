package evals

import "testing"

// TestDev5Corpus checks the dev set written for similar-incident search in words the
// concept lexicon was not written on: it loads, is all dev, and has enough recurring
// families (3 incidents or more each) and singletons to rank against.
func TestDev5Corpus(t *testing.T) {
	c, err := LoadCorpus("testdata/dev5")
	if err != nil {
		t.Fatalf("LoadCorpus: %v", err)
	}
	if n := len(c.Incidents); n < 36 {
		t.Errorf("labelled incidents: %d, want >= 36", n)
	}
	families := map[string]int{}
	for _, li := range c.Incidents {
		l := li.Labels
		families[l.Family]++
		if l.SplitOf() != SplitDev {
			t.Errorf("%s: split %q, want dev", l.ID, l.Split)
		}
		if l.RootCause == nil || l.RootCause.Text == "" {
			t.Errorf("%s: no root_cause text (the free-text query)", l.ID)
		}
	}
	recurring, singletons := 0, 0
	for _, n := range families {
		switch {
		case n >= 3:
			recurring++
		case n == 1:
			singletons++
		}
	}
	if recurring < 10 || singletons < 1 {
		t.Errorf("families with >= 3 incidents: %d (want >= 10), singletons: %d (want >= 1): %v", recurring, singletons, families)
	}
}
