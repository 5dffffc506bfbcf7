package dbtest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"testing"

	"github.com/jackc/pgx/v5"
)

// Cluster is a throwaway PostgreSQL cluster of one test: its own data directory and
// port, so the test can stop and start it without touching anyone else's database.
type Cluster struct {
	URL  string // database postgres, with the vector extension
	t    testing.TB
	bin  string
	data string
	port int
}

// NewCluster initializes and starts a cluster on a free loopback port below the
// ephemeral range. Without PostgreSQL binaries the test is skipped, or fails when
// COPILOT_REQUIRE_DB=1.
func NewCluster(t testing.TB) *Cluster {
	t.Helper()
	bin := binDir()
	if bin == "" {
		if os.Getenv("COPILOT_REQUIRE_DB") == "1" {
			t.Fatal("no PostgreSQL binaries (initdb, pg_ctl) found and COPILOT_REQUIRE_DB=1")
		}
		t.Skip("no PostgreSQL binaries (initdb, pg_ctl) found")
	}
	dir, err := os.MkdirTemp("", "copilot-cluster-")
	if err != nil {
		t.Fatal(err)
	}
	c := &Cluster{t: t, bin: bin, data: filepath.Join(dir, "pg"), port: freePort(t)}
	t.Cleanup(func() {
		c.pgctl("-m", "immediate", "-w", "stop") // may already be stopped
		os.RemoveAll(dir)
	})
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(c.data, 0o700); err != nil {
		t.Fatal(err)
	}
	if os.Getuid() == 0 {
		// PostgreSQL refuses to run as root: the cluster belongs to postgres.
		u, err := user.Lookup("postgres")
		if err != nil {
			t.Fatalf("running as root needs a postgres user: %v", err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		for _, p := range []string{dir, c.data} {
			if err := os.Chown(p, uid, gid); err != nil {
				t.Fatal(err)
			}
		}
	}
	if out, err := c.command(filepath.Join(bin, "initdb"), "-D", c.data, "-U", "postgres", "--auth=trust",
		"--encoding=UTF8", "--locale=C.UTF-8", "--no-sync").CombinedOutput(); err != nil {
		t.Fatalf("initdb: %v\n%s", err, out)
	}
	c.Start()
	c.URL = fmt.Sprintf("postgres://postgres@127.0.0.1:%d/postgres?sslmode=disable", c.port)
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, c.URL)
	if err != nil {
		t.Fatalf("connect to the test cluster: %v", err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE EXTENSION IF NOT EXISTS vector"); err != nil {
		t.Fatalf("create extension vector: %v", err)
	}
	return c
}

// Start starts the cluster and waits until it accepts connections.
func (c *Cluster) Start() {
	c.t.Helper()
	opts := fmt.Sprintf("-p %d -c listen_addresses=127.0.0.1 -k %s -c fsync=off -c max_connections=100", c.port, c.data)
	if out, err := c.pgctl("-l", filepath.Join(c.data, "log"), "-o", opts, "-w", "-t", "60", "start"); err != nil {
		log, _ := os.ReadFile(filepath.Join(c.data, "log"))
		c.t.Fatalf("pg_ctl start on port %d: %v\n%s\n%s", c.port, err, out, log)
	}
}

// Stop stops the cluster the way an operator restarting it would: fast mode ends
// every session.
func (c *Cluster) Stop() {
	c.t.Helper()
	if out, err := c.pgctl("-m", "fast", "-w", "-t", "60", "stop"); err != nil {
		c.t.Fatalf("pg_ctl stop: %v\n%s", err, out)
	}
}

func (c *Cluster) pgctl(args ...string) ([]byte, error) {
	return c.command(filepath.Join(c.bin, "pg_ctl"), append([]string{"-D", c.data}, args...)...).CombinedOutput()
}

func (c *Cluster) command(name string, args ...string) *exec.Cmd {
	if os.Getuid() == 0 {
		args = append([]string{"-u", "postgres", "--", name}, args...)
		name = "runuser"
	}
	cmd := exec.Command(name, args...)
	cmd.Dir = "/"
	return cmd
}

func binDir() string {
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return versionOf(dirs[i]) < versionOf(dirs[j]) })
	for i := len(dirs) - 1; i >= 0; i-- {
		if _, err := os.Stat(filepath.Join(dirs[i], "pg_ctl")); err == nil {
			return dirs[i]
		}
	}
	if p, err := exec.LookPath("pg_ctl"); err == nil {
		return filepath.Dir(p)
	}
	return ""
}

func versionOf(binDir string) int {
	v, _ := strconv.Atoi(filepath.Base(filepath.Dir(binDir)))
	return v
}

// freePort finds a free loopback port in 20000-32000: below Linux's ephemeral range
// (32768-60999), so no outgoing connection can take it while the cluster is down.
func freePort(t testing.TB) int {
	t.Helper()
	for i := 0; i < 100; i++ {
		p := 20000 + rand.IntN(12000)
		ln, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", p))
		if err != nil {
			continue
		}
		ln.Close()
		return p
	}
	t.Fatal("no free port in 20000-32000")
	return 0
}
