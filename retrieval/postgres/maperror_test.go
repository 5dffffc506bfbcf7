package postgres

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// mapErrorTests: every way the database says it is down, restarting, busy or slow is
// EUNAVAILABLE (503), never EINTERNAL (500).
var mapErrorTests = []struct {
	name string
	err  error
	want string
}{
	{"no rows", pgx.ErrNoRows, copilot.ENOTFOUND},
	{"unique violation", &pgconn.PgError{Code: "23505"}, copilot.ECONFLICT},
	{"statement timeout", &pgconn.PgError{Code: "57014", Message: "canceling statement due to statement timeout"}, copilot.EUNAVAILABLE},
	{"statement timeout wrapped", fmt.Errorf("copy chunks: %w", &pgconn.PgError{Code: "57014"}), copilot.EUNAVAILABLE},
	{"admin shutdown", &pgconn.PgError{Code: "57P01"}, copilot.EUNAVAILABLE},
	{"crash shutdown", &pgconn.PgError{Code: "57P02"}, copilot.EUNAVAILABLE},
	{"starting up", &pgconn.PgError{Code: "57P03"}, copilot.EUNAVAILABLE},
	{"too many connections", &pgconn.PgError{Code: "53300"}, copilot.EUNAVAILABLE},
	{"out of memory", &pgconn.PgError{Code: "53200"}, copilot.EUNAVAILABLE},
	{"connection failure", &pgconn.PgError{Code: "08006"}, copilot.EUNAVAILABLE},
	{"deadlock", &pgconn.PgError{Code: "40P01"}, copilot.EUNAVAILABLE},
	{"serialization", &pgconn.PgError{Code: "40001"}, copilot.EUNAVAILABLE},
	{"deadline", fmt.Errorf("query: %w", context.DeadlineExceeded), copilot.EUNAVAILABLE},
	{"canceled", context.Canceled, copilot.EUNAVAILABLE},
	{"eof mid-query", fmt.Errorf("read: %w", io.ErrUnexpectedEOF), copilot.EUNAVAILABLE},
	{"eof", io.EOF, copilot.EUNAVAILABLE},
	{"connection reset", &net.OpError{Op: "read", Net: "tcp", Err: errors.New("connection reset by peer")}, copilot.EUNAVAILABLE},
	{"conn closed", pgconn.ErrConnClosed, copilot.EUNAVAILABLE},
	{"syntax error is ours", &pgconn.PgError{Code: "42601"}, copilot.EINTERNAL},
	{"undefined table is ours", &pgconn.PgError{Code: "42P01"}, copilot.EINTERNAL},
	{"other", errors.New("something else"), copilot.EINTERNAL},
}

func TestMapError(t *testing.T) {
	for _, tt := range mapErrorTests {
		t.Run(tt.name, func(t *testing.T) {
			got := mapError(tt.err)
			if code := copilot.ErrorCode(got); code != tt.want {
				t.Fatalf("mapError(%v) code = %s, want %s", tt.err, code, tt.want)
			}
			if tt.want == copilot.EUNAVAILABLE && !errors.Is(got, tt.err) {
				t.Errorf("mapError(%v) lost the cause: %v", tt.err, got)
			}
		})
	}
	if mapError(nil) != nil {
		t.Error("mapError(nil) != nil")
	}
}

func TestIsStatementTimeout(t *testing.T) {
	timeout := &pgconn.PgError{Code: "57014"}
	if !isStatementTimeout(context.Background(), fmt.Errorf("x: %w", timeout)) {
		t.Error("a 57014 with the caller waiting is a statement timeout")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if isStatementTimeout(ctx, timeout) {
		t.Error("a 57014 after the caller left is the caller's cancel, not a budget")
	}
	if isStatementTimeout(context.Background(), &pgconn.PgError{Code: "57P01"}) {
		t.Error("57P01 is not a statement timeout")
	}
}
