// Package text is the one text toolkit of the copilot: words (plain, and chat-aware
// where ChatWords drops Slack markup), stop words, stemming, content terms, numbers,
// ticket keys and clipping, each defined once with one set of rules, and Memo, which
// remembers what was computed of a text. It imports the standard library and a
// Snowball stemmer only, so every other package (engines, parsers, lexicon,
// retrieval, embedder, evals) may use it.
//
// Anything derived from its output and stored (vectors, concept terms) must record
// Version, which changes whenever a rule here changes what a text reduces to.
package text
