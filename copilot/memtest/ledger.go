package memtest

import (
	"context"
	"sort"
	"time"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

var _ copilot.TicketLedger = (*Memory)(nil)

// ReserveFollowUpTicket claims a follow-up of a stored incident, taking over a
// pending claim older than copilot.StaleReservation, as the store does.
func (m *Memory) ReserveFollowUpTicket(_ context.Context, t copilot.FollowUpTicket) (copilot.FollowUpTicket, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.incidents[t.IncidentID] == nil {
		return copilot.FollowUpTicket{}, false, copilot.Errorf(copilot.ENOTFOUND, "Incident %q not found.", t.IncidentID)
	}
	if old, ok := m.tickets[t.IncidentID][t.FollowUpID]; ok && !(old.Pending && time.Since(old.CreatedAt) > copilot.StaleReservation) {
		return old, false, nil
	}
	if t.CreatedAt.IsZero() {
		t.CreatedAt = time.Now().UTC()
	}
	t.New = false
	m.put(t)
	return t, true, nil
}

func (m *Memory) put(t copilot.FollowUpTicket) {
	if m.tickets == nil {
		m.tickets = map[string]map[string]copilot.FollowUpTicket{}
	}
	if m.tickets[t.IncidentID] == nil {
		m.tickets[t.IncidentID] = map[string]copilot.FollowUpTicket{}
	}
	m.tickets[t.IncidentID][t.FollowUpID] = t
}

// CompleteFollowUpTicket stores the ticket of a follow-up of a stored incident.
func (m *Memory) CompleteFollowUpTicket(_ context.Context, t copilot.FollowUpTicket) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.incidents[t.IncidentID] == nil {
		return nil // deleted meanwhile: its records went with it
	}
	if old, ok := m.tickets[t.IncidentID][t.FollowUpID]; ok && !old.CreatedAt.IsZero() {
		t.CreatedAt = old.CreatedAt
	}
	t.Pending, t.New = false, false
	m.put(t)
	return nil
}

// ReleaseFollowUpTicket drops a pending reservation; a finished record stays.
func (m *Memory) ReleaseFollowUpTicket(_ context.Context, incidentID, followUpID string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if old, ok := m.tickets[incidentID][followUpID]; ok && old.Pending {
		delete(m.tickets[incidentID], followUpID)
	}
	return nil
}

// FollowUpTickets lists an incident's records, oldest first.
func (m *Memory) FollowUpTickets(_ context.Context, incidentID string) ([]copilot.FollowUpTicket, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := []copilot.FollowUpTicket{}
	for _, t := range m.tickets[incidentID] {
		out = append(out, t)
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].CreatedAt.Equal(out[j].CreatedAt) {
			return out[i].CreatedAt.Before(out[j].CreatedAt)
		}
		return out[i].FollowUpID < out[j].FollowUpID
	})
	return out, nil
}
