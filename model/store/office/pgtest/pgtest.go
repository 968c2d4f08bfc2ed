// Package pgtest starts a throw-away PostgreSQL cluster for tests: initdb
// and pg_ctl from Debian's postgresql package, as the postgres user when
// the tests run as root (PostgreSQL refuses to run as root), listening only
// on a Unix socket in a temp folder, fsync off. It is for tests and the
// office simulation only.
package pgtest

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
)

// ErrNoPostgres says no PostgreSQL is installed here.
var ErrNoPostgres = errors.New("no PostgreSQL binaries found (apt-get install postgresql)")

// Cluster is a running throw-away server.
type Cluster struct {
	Dir  string // the temp folder: data, socket, log
	Port int
	bin  string
}

// binDir finds pg_ctl: on the PATH, else the newest /usr/lib/postgresql/*/bin.
func binDir() (string, error) {
	if p, err := exec.LookPath("pg_ctl"); err == nil {
		return filepath.Dir(p), nil
	}
	m, _ := filepath.Glob("/usr/lib/postgresql/*/bin/pg_ctl")
	if len(m) == 0 {
		return "", ErrNoPostgres
	}
	sort.Slice(m, func(i, j int) bool { return version(m[i]) < version(m[j]) })
	return filepath.Dir(m[len(m)-1]), nil
}

func version(path string) int {
	v, _ := strconv.Atoi(filepath.Base(filepath.Dir(filepath.Dir(path))))
	return v
}

// Available says whether a PostgreSQL is installed.
func Available() bool {
	_, err := binDir()
	return err == nil
}

// InCI says whether the tests run in CI, where the office tests never skip.
func InCI() bool { return os.Getenv("CI") != "" || os.Getenv("JOBSPOR_CI") != "" }

func (c *Cluster) run(name string, args ...string) error {
	cmd := exec.Command(filepath.Join(c.bin, name), args...)
	if err := asServerUser(cmd); err != nil {
		return err
	}
	cmd.Dir = c.Dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s: %v\n%s", name, err, out)
	}
	return nil
}

// Start runs initdb and starts the server on a Unix socket in a new temp folder.
func Start(port int) (*Cluster, error) { return start(port, "") }

// StartPasswords is Start with a server that checks passwords: on its Unix
// socket the administrator (postgres) is trusted for the setup, every other
// role logs in with its SCRAM password, as on an office's server.
func StartPasswords(port int) (*Cluster, error) {
	return start(port, "local all postgres trust\nlocal all all scram-sha-256\n")
}

func start(port int, hba string) (*Cluster, error) {
	bin, err := binDir()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "jobspor-pg-")
	if err != nil {
		return nil, err
	}
	c := &Cluster{Dir: dir, Port: port, bin: bin}
	if err := giveToServerUser(dir); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	data := filepath.Join(dir, "data")
	if err := c.run("initdb", "-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C.UTF-8"); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	if hba != "" {
		p := filepath.Join(data, "pg_hba.conf")
		if err := os.WriteFile(p, []byte(hba), 0o600); err != nil {
			os.RemoveAll(dir)
			return nil, err
		}
		if err := giveToServerUser(p); err != nil {
			os.RemoveAll(dir)
			return nil, err
		}
	}
	opts := fmt.Sprintf("-c listen_addresses='' -c unix_socket_directories=%s -p %d -c fsync=off "+
		"-c synchronous_commit=off -c full_page_writes=off -c max_connections=100 -c password_encryption=scram-sha-256", dir, port)
	if err := c.run("pg_ctl", "-D", data, "-o", opts, "-l", filepath.Join(dir, "log"), "-w", "-t", "60", "start"); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	return c, nil
}

// Stop stops the server at once and removes its folder.
func (c *Cluster) Stop() {
	c.run("pg_ctl", "-D", filepath.Join(c.Dir, "data"), "-m", "immediate", "-w", "stop")
	os.RemoveAll(c.Dir)
}

// DSN is the connection string for user on database db.
func (c *Cluster) DSN(user, db string) string {
	return fmt.Sprintf("host=%s port=%d user=%s dbname=%s sslmode=disable", c.Dir, c.Port, user, db)
}

// StartTLS runs a cluster as an office's server is set up (README, "How an
// office runs its server"): TCP on 127.0.0.1:port with TLS from the given
// certificate and key (PEM), and SCRAM passwords required for every login
// over the network (hostssl … scram-sha-256; plain TCP rejected). The
// Unix socket stays trusted for the administrator's setup.
func StartTLS(port int, certPEM, keyPEM []byte) (*Cluster, error) {
	bin, err := binDir()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "jobspor-pgtls-")
	if err != nil {
		return nil, err
	}
	c := &Cluster{Dir: dir, Port: port, bin: bin}
	fail := func(err error) (*Cluster, error) { os.RemoveAll(dir); return nil, err }
	if err := giveToServerUser(dir); err != nil {
		return fail(err)
	}
	data := filepath.Join(dir, "data")
	if err := c.run("initdb", "-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C.UTF-8"); err != nil {
		return fail(err)
	}
	hba := "local all all trust\n" +
		"hostssl all all 127.0.0.1/32 scram-sha-256\n" +
		"host all all 127.0.0.1/32 reject\n"
	files := map[string][]byte{"pg_hba.conf": []byte(hba), "server.crt": certPEM, "server.key": keyPEM}
	for name, b := range files {
		p := filepath.Join(data, name)
		if err := os.WriteFile(p, b, 0o600); err != nil {
			return fail(err)
		}
		if err := giveToServerUser(p); err != nil {
			return fail(err)
		}
	}
	opts := fmt.Sprintf("-c listen_addresses=127.0.0.1 -c unix_socket_directories=%s -p %d -c fsync=off "+
		"-c ssl=on -c ssl_cert_file=server.crt -c ssl_key_file=server.key -c password_encryption=scram-sha-256", dir, port)
	if err := c.run("pg_ctl", "-D", data, "-o", opts, "-l", filepath.Join(dir, "log"), "-w", "-t", "60", "start"); err != nil {
		return fail(err)
	}
	return c, nil
}
