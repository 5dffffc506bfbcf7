package local

import "testing"

// An after-action report's "Areas for Improvement" lists what the review
// found wanting ("Post-deploy verification has to go through the same path
// residents use."); its improvement plan holds the work. Improvement headings
// that name the work are still action sections (headings arrive lower-cased).
func TestAreasForImprovementAreFindings(t *testing.T) {
	for section, want := range map[string]sectionKind{
		"areas for improvement":         sectionLessons,
		"opportunities for improvement": sectionLessons,
		"improvement areas":             sectionLessons,
		"improvement plan":              sectionActions,
		"improvement actions":           sectionActions,
	} {
		if got := kindOfSection(section); got != want {
			t.Errorf("kindOfSection(%q) = %v, want %v", section, got, want)
		}
	}
}
