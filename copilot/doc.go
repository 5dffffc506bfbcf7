// Package copilot owns the incident domain: the types (incidents, messages, chunks,
// answers), the error codes, the interfaces it consumes, and the capabilities built on them.
package copilot
