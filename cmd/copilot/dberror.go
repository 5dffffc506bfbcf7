package main

import (
	"errors"
	"net/url"
	"regexp"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// unreachable turns "the database is unavailable" into what a person at a terminal
// needs: which server, and why. The URL's user and password are never repeated.
func unreachable(dsn string, err error) error {
	if copilot.ErrorCode(err) != copilot.EUNAVAILABLE {
		return err
	}
	where := "the server in DATABASE_URL"
	if host, port, db := dsnAddress(dsn); host != "" {
		where = host + ":" + port
		if db != "" {
			where += " (database " + db + ")"
		}
	}
	return &copilot.Error{Code: copilot.EUNAVAILABLE, Message: "cannot reach PostgreSQL at " + where + ": " + rootCause(err) + "; is it running, and is DATABASE_URL right?"}
}

// rootCause is the innermost error: "connection refused", "i/o timeout", or the
// server's own refusal. Driver wrappers around it name the user and database.
func rootCause(err error) string {
	for {
		var next error
		switch u := err.(type) {
		case interface{ Unwrap() error }:
			next = u.Unwrap()
		case interface{ Unwrap() []error }:
			if es := u.Unwrap(); len(es) > 0 {
				next = es[len(es)-1] // the store puts the driver's cause last
			}
		}
		if next == nil {
			break
		}
		err = next
	}
	var ce *copilot.Error
	if errors.As(err, &ce) {
		return ce.Message
	}
	return err.Error()
}

var kvRE = regexp.MustCompile(`(?:^|\s)(host|port|dbname)=(\S+)`)

// dsnAddress reads host, port and database from a URL or key=value connection string.
func dsnAddress(dsn string) (host, port, db string) {
	port = "5432"
	if u, err := url.Parse(dsn); err == nil && (u.Scheme == "postgres" || u.Scheme == "postgresql") {
		host = u.Hostname()
		if p := u.Port(); p != "" {
			port = p
		}
		if host == "" {
			host = "localhost"
		}
		if len(u.Path) > 1 {
			db = u.Path[1:]
		}
		return host, port, db
	}
	for _, m := range kvRE.FindAllStringSubmatch(dsn, -1) {
		switch m[1] {
		case "host":
			host = m[2]
		case "port":
			port = m[2]
		case "dbname":
			db = m[2]
		}
	}
	return host, port, db
}
