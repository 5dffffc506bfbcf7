// Package embeddings owns the text embedders: the offline local embedder (the
// default) and remote providers through langchaingo, with batching, answer checks
// and error mapping.
package embeddings
