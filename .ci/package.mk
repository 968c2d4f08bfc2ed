# Packaging: the Windows installer (make windows), its smoke test under Wine
# (make windows-smoke) and the Linux tarball (make linux). Included by the Makefile.
# Everything generated goes to out/ (git-ignored); the version comes from FyneApp.toml.

VERSION   := $(shell sed -n 's/^Version *= *"\([0-9.]*\)".*/\1/p' FyneApp.toml)
BUILD_NO  := $(shell sed -n 's/^Build *= *\([0-9]*\).*/\1/p' FyneApp.toml)
VER_PARTS := $(subst ., ,$(VERSION))

OUT      := out
WIN_DIR  := $(OUT)/windows
EXE      := $(WIN_DIR)/jobspor.exe
MSI      := $(OUT)/jobspor-$(VERSION)-x64.msi
LIN_DIR  := $(OUT)/linux/jobspor-$(VERSION)
TARBALL  := $(OUT)/jobspor-$(VERSION)-linux-amd64.tar.xz

# Cross-building from Debian: mingw-w64 for cgo and resources, wixl/msitools for
# the MSI, imagemagick for the .ico.
WIN_DEBS   := gcc-mingw-w64-x86-64 binutils-mingw-w64-x86-64 wixl msitools imagemagick
# The smoke test: Wine runs the installer and the exe; pdftotext reads the PDFs.
SMOKE_DEBS := wine64 poppler-utils
LINUX_DEBS := xz-utils

WIN_ENV := CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc
WIN_SYSO := rsrc_windows_amd64.syso

windows: deps-windows
	@test -n "$(VERSION)" && test -n "$(BUILD_NO)" || { echo "no Version/Build in FyneApp.toml"; exit 1; }
	@mkdir -p $(WIN_DIR)
	convert assets/icon.png -background none -define icon:auto-resize=256,64,48,32,24,16 $(WIN_DIR)/jobspor.ico
	x86_64-w64-mingw32-windres --include-dir=$(WIN_DIR) --include-dir=.ci/windows \
	  -DVER_MAJOR=$(word 1,$(VER_PARTS)) -DVER_MINOR=$(word 2,$(VER_PARTS)) \
	  -DVER_PATCH=$(word 3,$(VER_PARTS)) -DVER_BUILD=$(BUILD_NO) -DVER_STRING=$(VERSION) \
	  -O coff -o $(WIN_SYSO) .ci/windows/jobspor.rc
	$(WIN_ENV) $(GO) build -trimpath -ldflags "-H=windowsgui -s -w" -o $(EXE) . ; \
	  st=$$?; rm -f $(WIN_SYSO); exit $$st
	wixl -a x64 -D Version=$(VERSION) -D ExeFile=$(EXE) -D IconFile=$(WIN_DIR)/jobspor.ico \
	  -o $(MSI) .ci/windows/jobspor.wxs
	.ci/windows/msicheck.sh $(MSI)
	@.ci/sums.sh $(EXE) $(MSI)

# SMOKE_CP1252=1 also imports a Windows-1252 CSV (Danish Excel's "CSV (semikolonsepareret)"):
# on: the import reads that encoding (SMOKE_CP1252= turns the step off).
SMOKE_CP1252 ?= 1
windows-smoke: windows deps-smoke
	SMOKE_CP1252=$(SMOKE_CP1252) .ci/windows/smoke.sh $(MSI) $(VERSION)

linux: deps-build deps-linux
	@rm -rf $(LIN_DIR) && mkdir -p $(LIN_DIR)/usr/local/bin $(LIN_DIR)/usr/local/share/applications $(LIN_DIR)/usr/local/share/pixmaps
	$(GO) build -ldflags "-s -w" -o $(LIN_DIR)/usr/local/bin/jobspor .
	cp assets/icon.png $(LIN_DIR)/usr/local/share/pixmaps/jobspor.png
	cp .ci/linux/jobspor.desktop $(LIN_DIR)/usr/local/share/applications/jobspor.desktop
	cp .ci/linux/Makefile $(LIN_DIR)/Makefile
	XZ_OPT=-T0 tar -C $(dir $(LIN_DIR)) --owner=0 --group=0 --sort=name -cJf $(TARBALL) $(notdir $(LIN_DIR))
	@.ci/sums.sh $(TARBALL)

deps-windows:
	@./.ci/debs.sh $(WIN_DEBS)
deps-smoke:
	@./.ci/debs.sh $(SMOKE_DEBS)
deps-linux:
	@./.ci/debs.sh $(LINUX_DEBS)
