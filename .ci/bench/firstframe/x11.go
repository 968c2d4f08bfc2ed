//go:build cgo

package main

/*
#cgo pkg-config: x11
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <stdlib.h>

static Display *dpy;

static int xopen(void) {
	dpy = XOpenDisplay(NULL);
	return dpy != NULL;
}

// pixel reads one pixel of the root window (the screen as shown).
static unsigned long pixel(int x, int y) {
	XImage *img = XGetImage(dpy, DefaultRootWindow(dpy), x, y, 1, 1, AllPlanes, ZPixmap);
	if (!img) return 0;
	unsigned long p = XGetPixel(img, 0, 0);
	XDestroyImage(img);
	return p;
}
*/
import "C"

import "errors"

func openDisplay() error {
	if C.xopen() == 0 {
		return errors.New("cannot open the X display (is DISPLAY set?)")
	}
	return nil
}

func pixel(x, y int) uint64 { return uint64(C.pixel(C.int(x), C.int(y))) }
