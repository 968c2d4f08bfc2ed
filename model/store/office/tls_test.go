package office

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"math/big"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"jobspor/model"
	"jobspor/model/store/office/pgtest"
	"jobspor/model/testutil"
)

// An office's server as the README tells IT to set it up: TLS with the
// office's own CA and SCRAM passwords over the network. A caseworker joins
// and syncs over it with the password add-caseworker printed; plain TCP, a
// server certificate from another CA, and a wrong password are each refused
// before any case data moves.
func TestTheOfficeOverTLSWithSCRAMPasswords(t *testing.T) {
	dir := t.TempDir()
	caPEM, certPEM, keyPEM := officeCA(t, "Kontorets CA")
	foreignCA, _, _ := officeCA(t, "Fremmed CA")
	caFile, foreignFile := filepath.Join(dir, "kontor-ca.crt"), filepath.Join(dir, "fremmed-ca.crt")
	os.WriteFile(caFile, caPEM, 0o600)
	os.WriteFile(foreignFile, foreignCA, 0o600)
	c, err := pgtest.StartTLS(55476, certPEM, keyPEM)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Stop()
	ctx := context.Background()
	admin, err := pgx.Connect(ctx, c.DSN("postgres", "postgres"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := admin.Exec(ctx, `CREATE DATABASE jobspor`); err != nil {
		t.Fatal(err)
	}
	admin.Close(ctx)
	socket := c.DSN("postgres", "jobspor") // the lead's setup as the server's administrator

	lead := service(t, "LE")
	if _, err := lead.Init(socket, "LE", "Lene Eriksen"); err != nil {
		t.Fatal(err)
	}
	ab := service(t, "AB")
	cit := testutil.Citizen(func(c *model.Citizen) { c.Name, c.CPR = "Borger Over TLS", "0202804321" })
	if err := ab.Store.CreateCitizen(cit); err != nil {
		t.Fatal(err)
	}
	rec, err := ab.Recipient()
	if err != nil {
		t.Fatal(err)
	}
	password, err := lead.AddCaseworker(socket, "AB", "Anna Berg", false, rec)
	if err != nil {
		t.Fatal(err)
	}
	server := func(pw, mode, root string) string {
		u := url.URL{Scheme: "postgres", Host: net.JoinHostPort("localhost", fmt.Sprint(c.Port)), Path: "/jobspor",
			User: url.UserPassword("x", pw), RawQuery: "sslmode=" + mode + "&sslrootcert=" + url.QueryEscape(root)}
		return u.String()
	}
	for _, bad := range []struct{ why, server string }{
		{"plain TCP", server(password, "disable", caFile)},
		{"a certificate from another CA", server(password, "verify-full", foreignFile)},
		{"a wrong password", server(password+"x", "verify-full", caFile)},
	} {
		if _, err := ab.Join(bad.server, "AB"); err == nil {
			t.Fatalf("joined over %s", bad.why)
		}
		if st, _ := ab.Status(); st.Configured {
			t.Fatalf("after a refused join over %s the laptop counts itself in the office: %+v", bad.why, st)
		}
	}
	st, err := ab.Join(server(password, "verify-full", caFile), "AB")
	if err != nil {
		t.Fatalf("join over TLS with the printed password: %v", err)
	}
	if !st.Configured || st.Pending != 0 || !st.Reachable {
		t.Fatalf("status after the join over TLS: %+v", st)
	}
	cit.Phone = "31313131"
	if err := ab.Store.UpdateCitizen(cit); err != nil {
		t.Fatal(err)
	}
	if st, err := ab.Sync(); err != nil || st.Pending != 0 {
		t.Fatalf("sync over TLS: %+v %v", st, err)
	}
	// On the server the citizen is there, its CPR number not in plain text.
	check, err := pgx.Connect(ctx, socket)
	if err != nil {
		t.Fatal(err)
	}
	defer check.Close(ctx)
	var n int
	var dump string
	if err := check.QueryRow(ctx, `SELECT count(*), coalesce(string_agg(c::text, ' '), '') FROM jobspor.citizens c`).Scan(&n, &dump); err != nil {
		t.Fatal(err)
	}
	if n != 1 || strings.Contains(dump, "0202804321") || strings.Contains(dump, "020280-4321") {
		t.Fatalf("the server holds %d citizens; CPR in plain text: %v", n, strings.Contains(dump, "0202804321"))
	}
	var method string
	if err := check.QueryRow(ctx, `SELECT left(rolpassword, 13) FROM pg_authid WHERE rolname = $1`, RoleName("AB")).Scan(&method); err != nil {
		t.Fatal(err)
	}
	if method != "SCRAM-SHA-256" {
		t.Fatalf("the caseworker's password is stored as %q, not SCRAM", method)
	}
}

// officeCA makes a CA and a server certificate for localhost signed by it (PEM).
func officeCA(t *testing.T, name string) (caPEM, certPEM, keyPEM []byte) {
	t.Helper()
	caKey, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	from := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	ca := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: name},
		NotBefore: from, NotAfter: from.AddDate(30, 0, 0), IsCA: true, BasicConstraintsValid: true,
		KeyUsage: x509.KeyUsageCertSign}
	caDER, err := x509.CreateCertificate(rand.Reader, ca, ca, &caKey.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	srvKey, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	srv := &x509.Certificate{SerialNumber: big.NewInt(2), Subject: pkix.Name{CommonName: "localhost"},
		NotBefore: from, NotAfter: from.AddDate(30, 0, 0), DNSNames: []string{"localhost"},
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		KeyUsage: x509.KeyUsageDigitalSignature}
	caCert, _ := x509.ParseCertificate(caDER)
	srvDER, err := x509.CreateCertificate(rand.Reader, srv, caCert, &srvKey.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	keyDER, _ := x509.MarshalECPrivateKey(srvKey)
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: caDER}),
		pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: srvDER}),
		pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: keyDER})
}
