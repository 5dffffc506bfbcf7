// Package llm is the language-model answer engine: langchaingo models, the prompts
// of package prompts, strict validation of the answers against the transcript, and
// a fallback engine (the local one) that answers when the model cannot.
package llm
