package postgres

import (
	"context"
	"encoding/base64"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// listOrder sorts newest first; an incident without a start time sorts as if it
// started at the epoch, after every dated one. The row id breaks ties, so the
// order is total and a cursor names one place in it.
const listOrder = `coalesce(i.started_at, 'epoch'::timestamptz)`

// ListIncidents lists the incidents f selects, newest first, without their
// transcripts. Paging is by keyset: the cursor holds the sort key of the last
// incident of the page, so pages stay consistent while incidents are added.
//
// Errors: EINVALID for a limit outside 1..copilot.MaxListLimit or a cursor this store
// did not issue, EUNAVAILABLE.
func (s *Store) ListIncidents(ctx context.Context, f copilot.IncidentFilter, p copilot.Page) (copilot.IncidentList, error) {
	out := copilot.IncidentList{Incidents: []copilot.IncidentSummary{}}
	if p.Limit < 1 || p.Limit > copilot.MaxListLimit {
		return out, copilot.Errorf(copilot.EINVALID, "limit: %d is outside 1..%d", p.Limit, copilot.MaxListLimit)
	}
	where, args := filterSQL(f, 1)
	if p.Cursor != "" {
		at, id, err := decodeCursor(p.Cursor)
		if err != nil {
			return out, err
		}
		n := len(args)
		where += fmt.Sprintf(" AND (%s, i.id) < ($%d, $%d)", listOrder, n+1, n+2)
		args = append(args, at, id)
	}
	args = append(args, p.Limit+1)
	rows, err := s.pool.Query(ctx, fmt.Sprintf(`
		SELECT i.id, i.external_id, i.title, i.severity, i.status, i.visibility, i.services, i.team,
			i.started_at, i.resolved_at, %s,
			(SELECT count(*) FROM messages m WHERE m.incident_id = i.id),
			(SELECT count(*) FROM tickets t WHERE t.incident_id = i.id)
		FROM incidents i WHERE true %s
		ORDER BY %s DESC, i.id DESC LIMIT $%d`, listOrder, where, listOrder, len(args)), args...)
	if err != nil {
		return out, mapError(err)
	}
	defer rows.Close()
	type key struct {
		at time.Time
		id int64
	}
	var keys []key
	for rows.Next() {
		var (
			inc  copilot.IncidentSummary
			k    key
			msgs int64
			tix  int64
		)
		if err := rows.Scan(&k.id, &inc.ID, &inc.Title, &inc.Severity, &inc.Status, &inc.Visibility, &inc.Services, &inc.Team,
			&inc.StartedAt, &inc.ResolvedAt, &k.at, &msgs, &tix); err != nil {
			return out, mapError(err)
		}
		inc.Messages, inc.Tickets = int(msgs), int(tix)
		if inc.Services == nil {
			inc.Services = []string{}
		}
		for _, t := range []*time.Time{inc.StartedAt, inc.ResolvedAt} {
			if t != nil {
				*t = t.UTC()
			}
		}
		out.Incidents = append(out.Incidents, inc)
		keys = append(keys, k)
	}
	if err := rows.Err(); err != nil {
		return out, mapError(err)
	}
	if len(out.Incidents) > p.Limit {
		out.Incidents = out.Incidents[:p.Limit]
		last := keys[p.Limit-1]
		out.NextCursor = encodeCursor(last.at, last.id)
	}
	return out, nil
}

// A cursor is opaque to callers: the sort key of the last incident shown.
func encodeCursor(at time.Time, id int64) string {
	return base64.RawURLEncoding.EncodeToString(fmt.Appendf(nil, "%d.%d", at.UnixMicro(), id))
}

func decodeCursor(c string) (time.Time, int64, error) {
	bad := copilot.Errorf(copilot.EINVALID, "cursor: %s is not a cursor of this listing; pass next_cursor from the previous page", copilot.Quote(c, 40))
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil {
		return time.Time{}, 0, bad
	}
	us, id, ok := strings.Cut(string(b), ".")
	if !ok {
		return time.Time{}, 0, bad
	}
	micros, err1 := strconv.ParseInt(us, 10, 64)
	row, err2 := strconv.ParseInt(id, 10, 64)
	if err1 != nil || err2 != nil {
		return time.Time{}, 0, bad
	}
	return time.UnixMicro(micros).UTC(), row, nil
}
