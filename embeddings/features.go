package embeddings

import (
	"math"
	"strings"

	"github.com/incidentcopilot/incident-copilot/copilot/failure"
	"github.com/incidentcopilot/incident-copilot/copilot/text"
)

// Feature classes. The class is mixed into every hash so that the word "pool"
// and the character trigram "pool" land in different buckets.
const (
	classWord byte = iota + 1
	classAlias
	classBigram
	classCharGram
	classConcept
	classEmpty
)

// Feature weights, before sublinear tf. Words carry the meaning; canonical
// aliases bridge synonyms ("pg" → "database") at a little less than a word; bigrams
// add word order; character n-grams catch inflections and compounds that the
// alias table does not know ("hikaripool" ~ "pool") at a low weight each.
const (
	weightWord     = 1.0
	weightAlias    = 0.8
	weightBigram   = 0.6
	weightCharGram = 0.25

	minCharGram = 3
	maxCharGram = 5
	// Words shorter than this get no character n-grams: their n-grams would be
	// the word itself again.
	minCharGramWord = 4
	// conceptShare is the weight of the failure-mode block relative to the text
	// block (both unit length before they are added): two texts that share their
	// only concept and no word have cosine conceptShare²/(1+conceptShare²) ≈ 0.5.
	conceptShare = 1.0
	// conceptBuckets spreads each concept over several buckets so that a
	// collision with a frequent word cannot cancel it.
	conceptBuckets = 3
)

// featureTable counts features of one text by 64-bit hash with open addressing.
// It is reused across texts, so counting features allocates nothing.
type featureTable struct {
	keys    []uint64 // 0 = empty slot
	counts  []float32
	weights []float32
	used    []int32 // occupied slots, in insertion order, for a cheap reset and a deterministic walk
	mask    uint64
}

func newFeatureTable() *featureTable {
	t := &featureTable{}
	t.resize(1 << 11)
	return t
}

func (t *featureTable) resize(n int) {
	oldKeys, oldCounts, oldWeights, oldUsed := t.keys, t.counts, t.weights, t.used
	t.keys = make([]uint64, n)
	t.counts = make([]float32, n)
	t.weights = make([]float32, n)
	t.used = make([]int32, 0, n/2)
	t.mask = uint64(n - 1)
	for _, slot := range oldUsed {
		t.insert(oldKeys[slot], oldCounts[slot], oldWeights[slot])
	}
}

func (t *featureTable) reset() {
	for _, slot := range t.used {
		t.keys[slot] = 0
	}
	t.used = t.used[:0]
}

// add counts one occurrence of feature h with weight w.
func (t *featureTable) add(h uint64, w float32) {
	t.insert(h, 1, w)
}

func (t *featureTable) insert(h uint64, n, w float32) {
	if h == 0 {
		h = 1 // 0 marks an empty slot
	}
	if len(t.used)*2 >= len(t.keys) {
		t.resize(len(t.keys) * 2)
	}
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		switch t.keys[i] {
		case h:
			t.counts[i] += n
			return
		case 0:
			t.keys[i] = h
			t.counts[i] = n
			t.weights[i] = w
			t.used = append(t.used, int32(i))
			return
		}
	}
}

// project adds every counted feature to vec with sublinear tf (1 + ln tf), at
// a bucket and sign taken from its hash.
func (t *featureTable) project(vec []float64) {
	dim := uint64(len(vec))
	for _, slot := range t.used {
		h := t.keys[slot]
		w := float64(t.weights[slot])
		if c := t.counts[slot]; c > 1 {
			w *= 1 + math.Log(float64(c))
		}
		b := (h >> 32) * dim >> 32
		if h&1 == 1 {
			w = -w
		}
		vec[b] += w
	}
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// hashString hashes s under a feature class (FNV-1a, then a mixer so that the
// bucket bits are well spread).
func hashString(class byte, s string) uint64 {
	h := uint64(fnvOffset)
	h ^= uint64(class)
	h *= fnvPrime
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return mix(h)
}

func hashBytes(class byte, b []byte) uint64 {
	h := uint64(fnvOffset)
	h ^= uint64(class)
	h *= fnvPrime
	for _, c := range b {
		h ^= uint64(c)
		h *= fnvPrime
	}
	return mix(h)
}

func hashPair(class byte, a, b string) uint64 {
	h := uint64(fnvOffset)
	h ^= uint64(class)
	h *= fnvPrime
	for i := 0; i < len(a); i++ {
		h ^= uint64(a[i])
		h *= fnvPrime
	}
	h ^= ' '
	h *= fnvPrime
	for i := 0; i < len(b); i++ {
		h ^= uint64(b[i])
		h *= fnvPrime
	}
	return mix(h)
}

// mix is the splitmix64 finalizer.
func mix(h uint64) uint64 {
	h ^= h >> 30
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 27
	h *= 0x94d049bb133111eb
	h ^= h >> 31
	return h
}

// extractor turns one text into a vector. Not safe for concurrent use; the
// embedder keeps one per goroutine.
type extractor struct {
	table *featureTable
	toks  []failure.Token
	gram  []byte
	text  []float64
	conc  []float64
	// grams caches the character n-gram hashes of words seen before: the
	// vocabulary of incident channels is small and repetitive, and hashing the
	// n-grams is most of the work. Bounded by maxCachedWords.
	grams map[string][]uint64
}

const maxCachedWords = 1 << 13

func newExtractor(dim int) *extractor {
	return &extractor{
		table: newFeatureTable(),
		gram:  make([]byte, 0, 64),
		text:  make([]float64, dim),
		conc:  make([]float64, dim),
		grams: make(map[string][]uint64),
	}
}

// embed writes the unit vector of src into out (len(out) == dim).
func (x *extractor) embed(src string, out []float32) {
	toks := failure.AppendTokens(x.toks[:0], src)
	// Keep the slice for the next src but not the strings of this one.
	defer func() { clear(toks); x.toks = toks[:0] }()
	concepts := failure.ConceptsOf(toks)

	x.table.reset()
	prev := ""
	for _, t := range toks {
		// Aliases count even on stop words: the "out" of "timed out" carries "timeout".
		if t.Alias != "" {
			x.table.add(hashString(classAlias, t.Alias), weightAlias)
		}
		if t.PhraseAlias != "" {
			x.table.add(hashString(classAlias, t.PhraseAlias), weightAlias)
		}
		if !content(t) {
			continue
		}
		x.table.add(hashString(classWord, t.S), weightWord)
		if prev != "" {
			x.table.add(hashPair(classBigram, prev, t.S), weightBigram)
		}
		prev = t.S
		if !t.Ticket && len(t.S) >= minCharGramWord && !text.IsNumber(t.S) {
			x.charGrams(t.S)
		}
	}

	clear(x.text)
	x.table.project(x.text)
	textNorm := norm(x.text)

	clear(x.conc)
	for _, c := range concepts {
		for k := range conceptBuckets {
			h := hashPair(classConcept, c, string(rune('a'+k)))
			b := (h >> 32) * uint64(len(x.conc)) >> 32
			if h&1 == 1 {
				x.conc[b]--
			} else {
				x.conc[b]++
			}
		}
	}
	concNorm := norm(x.conc)

	if textNorm == 0 && concNorm == 0 {
		fixedVector(out)
		return
	}
	var sum float64
	for i := range x.text {
		v := 0.0
		if textNorm > 0 {
			v = x.text[i] / textNorm
		}
		if concNorm > 0 {
			v += conceptShare * x.conc[i] / concNorm
		}
		x.text[i] = v
		sum += v * v
	}
	if sum == 0 {
		// The two blocks cancelled exactly; vanishingly unlikely, but never NaN.
		fixedVector(out)
		return
	}
	inv := 1 / math.Sqrt(sum)
	for i, v := range x.text {
		out[i] = float32(v * inv)
	}
}

// fixedVector writes the vector of texts with nothing to say (empty, only stop
// words or ids): a fixed unit vector rather than zeros, whose cosine is
// undefined. All such texts are equal to each other and nearly orthogonal to
// everything else.
func fixedVector(out []float32) {
	clear(out)
	h := hashString(classEmpty, "")
	out[(h>>32)*uint64(len(out))>>32] = 1
}

// charGrams adds the character n-grams of "<word>", the brackets marking the
// word's start and end so that prefixes and suffixes count as such.
func (x *extractor) charGrams(w string) {
	hs, ok := x.grams[w]
	if !ok {
		g := append(x.gram[:0], '<')
		g = append(g, w...)
		g = append(g, '>')
		x.gram = g
		for n := minCharGram; n <= maxCharGram; n++ {
			for i := 0; i+n <= len(g); i++ {
				hs = append(hs, hashBytes(classCharGram, g[i:i+n]))
			}
		}
		if len(x.grams) >= maxCachedWords {
			clear(x.grams)
		}
		// The key is cloned: w points into the text's token buffer.
		x.grams[strings.Clone(w)] = hs
	}
	for _, h := range hs {
		x.table.add(h, weightCharGram)
	}
}

func norm(v []float64) float64 {
	var s float64
	for _, x := range v {
		s += x * x
	}
	return math.Sqrt(s)
}
