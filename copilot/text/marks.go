package text

// Patterns the postmortem reader and the follow-up engine both read a report by,
// kept in one place so the two agree. Each package compiles them into the
// anchoring it needs (case-insensitive: add "(?i)").
const (
	// DoneParenPattern: a done word in parentheses, first or after the entry's other
	// fields ("(done)", "(Mei Tanaka, done 2026-11-12)", "(done by Kwame at 11:30,
	// it is already active)").
	DoneParenPattern = `\((?:[^()]{0,40}?[,;]\s*)?(?:done|completed|fixed|resolved)\b[^()]{0,60}\)`
	// DoneDashPattern: a done word after a dash closing the entry ("— done
	// 2026-05-03."); "done" elsewhere in an entry is part of what to do.
	DoneDashPattern = `\s[—–-]\s*(?:done|completed|fixed|resolved|shipped)\b[^.;:()]{0,30}\.?\s*$`
	// ActionsTakenPattern: a heading for the response's own actions ("Actions
	// taken", "Actions performed during the incident"): its narrative, not its
	// to-do list.
	ActionsTakenPattern = `actions?\s+(?:taken|performed|done|carried out|during)\b`
)
