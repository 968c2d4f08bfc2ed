//go:build cgo

package main

/*
#cgo pkg-config: x11 xtst
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/extensions/XTest.h>
#include <stdlib.h>
#include <string.h>

static Display *dpy;
static XImage *base;

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

// span reads a band of the screen and returns how many columns lie between
// the first and the last pixel that differ from the band kept before (0:
// none differ); with keep, the band read becomes the one kept.
static int span(int x, int y, int w, int h, int keep) {
	XImage *img = XGetImage(dpy, DefaultRootWindow(dpy), x, y, w, h, AllPlanes, ZPixmap);
	if (!img) return -1;
	int lo = w, hi = -1, bpp = img->bits_per_pixel / 8;
	if (base && base->bytes_per_line == img->bytes_per_line && base->height == h) {
		for (int r = 0; r < h; r++) {
			char *a = img->data + r * img->bytes_per_line, *b = base->data + r * base->bytes_per_line;
			if (memcmp(a, b, w * bpp) == 0) continue;
			for (int c = 0; c < w; c++) {
				if (memcmp(a + c * bpp, b + c * bpp, bpp) != 0) {
					if (c < lo) lo = c;
					if (c > hi) hi = c;
				}
			}
		}
	} else {
		lo = 0, hi = w - 1, keep = 1;
	}
	if (keep) {
		if (base) XDestroyImage(base);
		base = img;
	} else {
		XDestroyImage(img);
	}
	return hi < lo ? 0 : hi - lo + 1;
}

// key presses and releases one key (an X keysym name such as "a" or
// "BackSpace") through XTest, as if typed.
static int key(const char *name) {
	KeyCode code = XKeysymToKeycode(dpy, XStringToKeysym(name));
	if (!code) return 0;
	XTestFakeKeyEvent(dpy, code, True, CurrentTime);
	XTestFakeKeyEvent(dpy, code, False, CurrentTime);
	XFlush(dpy);
	return 1;
}
*/
import "C"

import (
	"errors"
	"fmt"
	"unsafe"
)

func openDisplay() error {
	if C.xopen() == 0 {
		return errors.New("cannot open the X display (is DISPLAY set?)")
	}
	return nil
}

func pixel(x, y int) uint64 { return uint64(C.pixel(C.int(x), C.int(y))) }

// span compares band b of the screen with the one kept (see the C above).
func span(b [4]int, keep bool) int {
	k := 0
	if keep {
		k = 1
	}
	return int(C.span(C.int(b[0]), C.int(b[1]), C.int(b[2]), C.int(b[3]), C.int(k)))
}

func key(name string) error {
	s := C.CString(name)
	defer C.free(unsafe.Pointer(s))
	if C.key(s) == 0 {
		return fmt.Errorf("no key for %q", name)
	}
	return nil
}
