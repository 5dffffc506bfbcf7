package embeddings

import "incidentcopilot/copilot/failure"

// stopWords are English function words, Slack chatter and link parts that say
// nothing about a failure. Negations ("not", "no") stay: "not ready" and
// "no such host" depend on them.
var stopWords = toSet(
	// function words
	"a", "about", "above", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as", "at",
	"be", "because", "been", "before", "being", "between", "both", "but", "by",
	"can", "could", "did", "do", "does", "doing", "during", "each", "else", "even", "ever",
	"few", "for", "from", "further", "get", "gets", "getting", "got", "had", "has", "have", "having",
	"he", "her", "here", "hers", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself",
	"just", "let", "lets", "like", "ll", "may", "me", "might", "more", "most", "much", "must", "my",
	"now", "of", "off", "on", "once", "one", "only", "or", "other", "our", "ours", "out", "over", "own",
	"re", "s", "same", "she", "should", "so", "some", "such", "t", "than", "that", "the", "their", "them",
	"then", "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up",
	"us", "ve", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom",
	"why", "will", "with", "would", "you", "your", "yours", "d", "m", "o", "y",
	"im", "ive", "dont", "didnt", "doesnt", "isnt", "wasnt", "cant", "wont", "thats", "theres",
	"yet", "still", "already", "really", "maybe", "probably", "think", "thought", "seems", "seem",
	"see", "saw", "look", "looks", "looking", "know", "going", "gonna", "want", "need", "make", "made",
	"thing", "things", "something", "anything", "everything", "someone", "anyone", "everyone",
	"way", "well", "back", "lot", "bit", "right", "sure", "yes", "yeah", "yep", "nope", "ok", "okay",
	// chatter
	"hi", "hey", "hello", "thanks", "thank", "thx", "ty", "pls", "please", "lol", "haha", "btw", "fyi",
	"cc", "ack", "np", "ping", "pinged", "sorry", "cool", "great", "nice", "awesome", "guys", "folks", "team",
	// link parts
	"http", "https", "www", "com", "org", "net", "io", "html", "htm",
)

func toSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// content reports whether a token should become a feature: not a stop word,
// not a single character, and not an id (Slack timestamps, hashes, pod suffixes)
// that would make unrelated chunks look alike only because both carry ids.
func content(t failure.Token) bool {
	if t.Ticket {
		return true
	}
	s := t.S
	if len(s) < 2 || stopWords[s] {
		return false
	}
	return !isID(s)
}

func isNumber(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// isID reports whether a token looks like an identifier rather than a word:
// a long number (timestamps, ids; status codes and ports are short), a mix of
// letters and many digits ("7d9f8b6c5", "30000ms"), or a long hex string.
func isID(s string) bool {
	digits, hex := 0, true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c >= 'a' && c <= 'f':
		default:
			hex = false
		}
	}
	switch {
	case digits == len(s):
		return len(s) > 5
	case len(s) >= 6 && digits >= 3:
		return true
	case len(s) >= 8 && hex && digits > 0:
		return true
	}
	return false
}
