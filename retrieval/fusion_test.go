package retrieval

import "testing"

func TestRRFOrdersByRankAlone(t *testing.T) {
	if RRF(0) != 0 || RRF(-1) != 0 {
		t.Fatal("a missing rank contributes")
	}
	if !(RRF(1)+RRF(1) > RRF(1)+RRF(0)) || !(RRF(1) > RRF(2)) {
		t.Fatal("RRF does not fall with rank")
	}
}
