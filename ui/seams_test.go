package ui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestScreensUseTheirOwnStore: no screen reaches past the narrow store it
// declares to the window's whole store (".ui.store").
func TestScreensUseTheirOwnStore(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(b), "\n") {
			if strings.Contains(line, ".ui.store") {
				t.Errorf("%s:%d reaches the window's whole store: %s", f, i+1, strings.TrimSpace(line))
			}
		}
	}
}

// TestNoScreenHoldsTheWindow: no type in the window's package holds the
// whole window (*UI); each screen and section holds the narrow shell it
// declares (what it asks of the window) and its narrow store.
func TestNoScreenHoldsTheWindow(t *testing.T) {
	fset := token.NewFileSet()
	for _, f := range sourceFiles(t) {
		af, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(af, func(n ast.Node) bool {
			ts, ok := n.(*ast.TypeSpec)
			if !ok {
				return true
			}
			st, ok := ts.Type.(*ast.StructType)
			if !ok {
				return true
			}
			for _, field := range st.Fields.List {
				if holdsUI(field.Type) {
					t.Errorf("%s: type %s holds the whole window (*UI); give it a shell interface", fset.Position(field.Pos()), ts.Name.Name)
				}
			}
			return true
		})
	}
}

// holdsUI: the type is *UI (or UI), directly or in a slice, map or array.
func holdsUI(e ast.Expr) bool {
	switch x := e.(type) {
	case *ast.Ident:
		return x.Name == "UI"
	case *ast.StarExpr:
		return holdsUI(x.X)
	case *ast.ArrayType:
		return holdsUI(x.Elt)
	case *ast.MapType:
		return holdsUI(x.Key) || holdsUI(x.Value)
	}
	return false
}

// TestNoScreenReachesTheWindow: no code reaches through a field to the
// window (".ui."); screens ask their shell, and learn of each other's
// changes through the window's one change signal (changed).
func TestNoScreenReachesTheWindow(t *testing.T) {
	for _, f := range sourceFiles(t) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(b), "\n") {
			if strings.Contains(line, ".ui.") {
				t.Errorf("%s:%d reaches the window: %s", f, i+1, strings.TrimSpace(line))
			}
		}
	}
}

// sourceFiles are the package's non-test Go files.
func sourceFiles(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	var src []string
	for _, f := range files {
		if !strings.HasSuffix(f, "_test.go") {
			src = append(src, f)
		}
	}
	if len(src) < 20 {
		t.Fatalf("found only %d source files; run from the ui folder", len(src))
	}
	return src
}

// TestNarrowInterfacesHaveOneSuffix: what a screen asks of the database is
// its …Store, what it asks of the window its …Shell, what it asks of the
// office tier its …Office; the few other interfaces are named here.
func TestNarrowInterfacesHaveOneSuffix(t *testing.T) {
	others := map[string]bool{"Handouts": true, "Office": true, "screen": true, "editable": true, "restartable": true}
	fset := token.NewFileSet()
	for _, f := range sourceFiles(t) {
		af, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(af, func(n ast.Node) bool {
			ts, ok := n.(*ast.TypeSpec)
			if !ok {
				return true
			}
			if _, ok := ts.Type.(*ast.InterfaceType); !ok || others[ts.Name.Name] {
				return true
			}
			if name := ts.Name.Name; !strings.HasSuffix(name, "Store") && !strings.HasSuffix(name, "Shell") && !strings.HasSuffix(name, "Office") {
				t.Errorf("%s: interface %s: name it …Store (what it asks of the database), …Shell (of the window) or …Office (of the office tier)", fset.Position(ts.Pos()), name)
			}
			return true
		})
	}
}
