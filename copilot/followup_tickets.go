package copilot

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// FollowUpTicket records that a follow-up was captured from the copilot: filed in a
// tracker (Key set), or marked captured by a person when no tracker is configured.
type FollowUpTicket struct {
	IncidentID string    `json:"incident_id"`
	FollowUpID string    `json:"follow_up_id"`
	Key        string    `json:"key,omitempty"`
	URL        string    `json:"url,omitempty"`
	Tracker    string    `json:"tracker,omitempty"`
	CreatedBy  string    `json:"created_by"`
	CreatedAt  time.Time `json:"created_at,omitzero"`
	// Pending is set while the tracker call that files it is under way.
	Pending bool `json:"pending,omitempty"`
	// New is set when this call captured the follow-up; a repeat returns the first
	// record without it (the API answers 201 or 200 by it).
	New bool `json:"-"`
}

// StaleReservation is how long a pending record holds its follow-up. A tracker call
// takes seconds (retries included); a reservation older than this was left by a
// process that died mid-call, and the next request may take it over.
const StaleReservation = 2 * time.Minute

// TicketLedger remembers which follow-ups were captured from the copilot, so a second
// click returns the first ticket and every answer shows the follow-up as captured.
type TicketLedger interface {
	// ReserveFollowUpTicket claims the follow-up for filing. It returns the existing
	// record and false when someone claimed it first (finished, or pending for less
	// than StaleReservation; an older pending claim is taken over).
	// Errors: ENOTFOUND for an unknown incident, EUNAVAILABLE.
	ReserveFollowUpTicket(ctx context.Context, t FollowUpTicket) (FollowUpTicket, bool, error)
	// CompleteFollowUpTicket stores the key of a reserved follow-up's ticket.
	// Errors: EUNAVAILABLE.
	CompleteFollowUpTicket(ctx context.Context, t FollowUpTicket) error
	// ReleaseFollowUpTicket drops a reservation whose filing failed, so it can be
	// tried again; a finished record is never dropped. Errors: EUNAVAILABLE.
	ReleaseFollowUpTicket(ctx context.Context, incidentID, followUpID string) error
	// FollowUpTickets lists an incident's records, oldest first; none for an
	// unknown incident. Errors: EUNAVAILABLE.
	FollowUpTickets(ctx context.Context, incidentID string) ([]FollowUpTicket, error)
}

// FollowUpID is a follow-up's stable id: the ts of the message it came from, with a
// suffix for the second and later items of one message. It stays the same while the
// transcript does not change that message, so a button or a URL keeps pointing at
// the same item after answers are recomputed.
func FollowUpID(sourceTS string, n int) string {
	id := "fu-" + strings.ReplaceAll(sourceTS, ".", "-")
	if n > 0 {
		id += fmt.Sprintf("-%d", n+1)
	}
	return id
}

// assignFollowUpIDs gives every item its stable id, in the order of their messages.
func assignFollowUpIDs(items []FollowUp) {
	seen := map[string]int{}
	for i := range items {
		ts := items[i].SourceTS
		items[i].ID = FollowUpID(ts, seen[ts])
		seen[ts]++
	}
}

// applyLedger marks the items captured from the copilot as captured.
func (c *Copilot) applyLedger(ctx context.Context, incidentID string, items []FollowUp) error {
	if c.Ledger == nil || incidentID == "" {
		return nil
	}
	recs, err := c.Ledger.FollowUpTickets(ctx, incidentID)
	if err != nil {
		return err
	}
	by := map[string]FollowUpTicket{}
	for _, r := range recs {
		if !r.Pending {
			by[r.FollowUpID] = r
		}
	}
	for i := range items {
		if r, ok := by[items[i].ID]; ok {
			items[i].Captured = true
			if r.Key != "" {
				items[i].TicketKey, items[i].TicketURL = r.Key, r.URL
			}
			items[i].CapturedBy = r.CreatedBy
		}
	}
	return nil
}

// FileFollowUp captures one follow-up of a stored incident: with a tracker, it files
// a ticket (once: a repeat returns the first ticket); without one, it records the
// follow-up as captured by the actor. A follow-up already captured in the transcript
// (a ticket key was cited) returns that ticket without filing anything.
//
// Errors: ENOTFOUND for an unknown incident (or a private one without Private) or
// follow-up id; ECONFLICT while another request is filing the same follow-up;
// EUNAVAILABLE when the store or the tracker cannot be reached.
func (c *Copilot) FileFollowUp(ctx context.Context, incidentID, followUpID string, by Actor) (*FollowUpTicket, error) {
	if c.Ledger == nil {
		return nil, Errorf(ENOTIMPLEMENTED, "This copilot keeps no record of filed follow-ups.")
	}
	inc, err := c.Memory.FindIncidentByID(ctx, incidentID, by.Private)
	if err != nil {
		return nil, err
	}
	ans, err := c.followUps(ctx, inc, true, false)
	if err != nil {
		return nil, err
	}
	var item *FollowUp
	for i := range ans.Items {
		if ans.Items[i].ID == followUpID {
			item = &ans.Items[i]
		}
	}
	if item == nil {
		return nil, Errorf(ENOTFOUND, "Incident %s has no follow-up %s.", incidentID, Quote(followUpID, 40))
	}
	if item.Captured {
		return &FollowUpTicket{IncidentID: incidentID, FollowUpID: followUpID, Key: item.TicketKey, URL: item.TicketURL, CreatedBy: item.CapturedBy}, nil
	}
	now := time.Now().UTC()
	rec := FollowUpTicket{IncidentID: incidentID, FollowUpID: followUpID, CreatedBy: by.Name, CreatedAt: now, Pending: c.Tracker != nil}
	if c.Tracker != nil {
		rec.Tracker = c.Tracker.Name()
	}
	existing, ok, err := c.Ledger.ReserveFollowUpTicket(ctx, rec)
	if err != nil {
		return nil, err
	}
	if !ok {
		if existing.Pending {
			return nil, Errorf(ECONFLICT, "Follow-up %s of %s is being filed right now; try again in a moment.", followUpID, incidentID)
		}
		return &existing, nil
	}
	rec.New = true
	if c.Tracker == nil {
		return &rec, nil
	}
	owner := item.Owner
	if c.PersonName != nil && owner != "" {
		owner = c.PersonName(ctx, owner)
	}
	req := TicketRequest{
		IncidentID: incidentID, IncidentTitle: inc.Title, FollowUpID: incidentID + "/" + followUpID,
		Summary: item.Text, Owner: owner, Due: item.Due, RequestedBy: by.Name,
	}
	if c.Permalink != nil {
		req.Permalink = c.Permalink(inc, item.SourceTS)
	}
	t, err := c.Tracker.CreateTicket(context.WithoutCancel(ctx), req)
	if err != nil {
		if rerr := c.Ledger.ReleaseFollowUpTicket(context.WithoutCancel(ctx), incidentID, followUpID); rerr != nil {
			return nil, rerr
		}
		return nil, err
	}
	rec.Key, rec.URL, rec.Pending = t.Key, t.URL, false
	if err := c.Ledger.CompleteFollowUpTicket(context.WithoutCancel(ctx), rec); err != nil {
		return nil, err
	}
	return &rec, nil
}
