package local

// SetTicketTrace lets the external tests read the scores of every follow-up and
// ticket pair that capture by content compares (followups_measure_test.go).
func SetTicketTrace(e *Engine, f func(ts, key string, s TicketScores)) { e.ticketTrace = f }
