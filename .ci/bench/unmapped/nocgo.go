//go:build !cgo

package main

import "errors"

func holdMaps() error { return errors.New("built without cgo: cannot reach the X display") }
