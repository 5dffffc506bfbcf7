// Package layout holds the architecture's import rules as a test: which packages of
// the module each package may import, and which third-party modules.
package layout
