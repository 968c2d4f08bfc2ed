#!/usr/bin/env bash
# Windows smoke test under Wine (Debian's wine64): installs the MSI silently into
# a fresh Wine prefix, runs the installed jobspor.exe's command line on a
# database in a Windows path with æ/ø/å and a space, upgrades in place to a newer
# MSI and uninstalls, checking the database is left alone. Each step prints PASS
# or FAIL; the first FAIL stops the run with exit code 1.
#
#   .ci/windows/smoke.sh FILE.msi VERSION        (from the repository root; `make windows-smoke`)
#   SMOKE_CP1252=1 also imports a Windows-1252 CSV (Danish Excel's "CSV (semikolonsepareret)").
#
# Wine 8 lacks ProcessPrng (bcryptprimitives.dll), which Go >= 1.22 needs: a shim
# built from processprng.c goes into this throwaway prefix only, never into the MSI.
set -uo pipefail
msi=$(realpath "$1")
version=$2
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
root=$repo/out/smoke

WINE=${WINE:-/usr/lib/wine/wine64}
export WINESERVER=${WINESERVER:-/usr/lib/wine/wineserver}
export WINEPREFIX=$root/prefix WINEARCH=win64 WINEDEBUG=-all
# No Mono/Gecko download prompts, no menu entries written into this machine's desktop.
export WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d"
# Wine turns Unix arguments and file names into Windows ones through the locale.
export LC_ALL=C.UTF-8 LANG=C.UTF-8
unset DISPLAY WAYLAND_DISPLAY # the command line needs no window
# Wine's menu and MIME folders go to the scratch folder, not the CI user's home.
export XDG_DATA_HOME=$root/xdg/data XDG_CONFIG_HOME=$root/xdg/config XDG_CACHE_HOME=$root/xdg/cache

drive_c=$WINEPREFIX/drive_c
exe_win='C:\Program Files\Jobspor\jobspor.exe'
exe_file="$drive_c/Program Files/Jobspor/jobspor.exe"
profile_win='C:\users\Søren Ærø'
profile_unix="$drive_c/users/Søren Ærø"
db_win="$profile_win\\AppData\\Local\\Jobspor\\demo.db"
db_unix="$profile_unix/AppData/Local/Jobspor/demo.db"
docs_win="$profile_win\\Documents"
docs_unix="$profile_unix/Documents"

passed=0
pass() { echo "PASS $1"; passed=$((passed + 1)); }
fail() {
  echo "FAIL $1"
  for f in "$root/out" "$root/err"; do
    [ -s "$f" ] && sed 's/^/    | /' "$f" | head -40
  done
  echo "windows-smoke: $passed passed, 1 failed"
  exit 1
}
# wine_run SECONDS ARGS...: runs under Wine with a time limit; output in $root/out, $root/err.
wine_run() {
  local t=$1; shift
  timeout -k 10 "$t" "$WINE" "$@" >"$root/out" 2>"$root/err"
}
# jobspor ARGS...: the installed exe's command line.
jobspor() { wine_run 180 "$exe_win" "$@"; }
# msi_property FILE NAME
msi_property() { msiinfo export "$1" Property | tr -d '\r' | awk -F'\t' -v k="$2" '$1 == k { print $2 }'; }
# uninstall_key PRODUCTCODE: the Add/Remove Programs entry, as reg.exe prints it
uninstall_key() {
  wine_run 60 reg query "HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\$1"
}
shutdown_wine() { timeout -k 5 30 "$WINESERVER" -k >/dev/null 2>&1 || true; }
trap shutdown_wine EXIT

started=$(date +%s)
echo "--- Windows smoke test: $msi under $("$WINE" --version 2>/dev/null)"
shutdown_wine
rm -rf "$root" && mkdir -p "$root"

# 1. A fresh 64-bit prefix.
if wine_run 300 wineboot -i && [ -d "$drive_c/windows/system32" ]; then
  timeout -k 5 60 "$WINESERVER" -w
  pass "fresh Wine prefix ($WINEPREFIX)"
else
  fail "fresh Wine prefix (wineboot -i)"
fi

# 2. The ProcessPrng shim, in this test prefix only (skipped once Wine has its own).
if ls /usr/lib/*/wine/x86_64-windows/bcryptprimitives.dll >/dev/null 2>&1; then
  pass "Wine has bcryptprimitives.dll: no shim needed"
elif x86_64-w64-mingw32-gcc -shared -O2 -o "$drive_c/windows/system32/bcryptprimitives.dll" \
     "$here/processprng.c" -ladvapi32 >"$root/out" 2>"$root/err"; then
  pass "ProcessPrng shim built into the test prefix's system32 (not part of the MSI)"
else
  fail "ProcessPrng shim"
fi

# 3. Silent install, per machine.
product=$(msi_property "$msi" ProductCode)
msi_win="Z:${msi//\//\\}"
if wine_run 300 msiexec /i "$msi_win" /qn /l*v 'C:\install.log' && [ -f "$exe_file" ]; then
  pass "msiexec /i $(basename "$msi") /qn installed C:\\Program Files\\Jobspor\\jobspor.exe"
else
  cp "$drive_c/install.log" "$root/err" 2>/dev/null; fail "silent install (msiexec /i /qn)"
fi
# Windows puts a per-machine (ALLUSERS=1) shortcut under ProgramData; Wine 8's msi puts
# ProgramMenuFolder in the user's profile whatever ALLUSERS says (a FIXME in its source),
# so either place counts here; msicheck.sh checks ALLUSERS=1 in the MSI itself.
lnk=$(find "$drive_c" -name 'Jobspor.lnk' -path '*/Start Menu/Programs/*' 2>/dev/null | head -1)
[ -n "$lnk" ] && pass "Start-menu shortcut: ${lnk#"$drive_c/"}" || fail "Start-menu shortcut Jobspor.lnk"
if uninstall_key "$product" && grep -q 'DisplayName.*Jobspor' "$root/out" && grep -q "DisplayVersion.*$version" "$root/out"; then
  pass "Add/Remove Programs entry $product (Jobspor $version)"
else
  fail "Add/Remove Programs entry $product"
fi

# 4. The command line.
if jobspor version && grep -q "^Jobspor $version " "$root/out"; then
  pass "jobspor version: $(head -1 "$root/out")"
else
  fail "jobspor version (expected Jobspor $version from FyneApp.toml)"
fi

if jobspor demo --db "$db_win" --citizens 20 && [ -s "$db_unix" ]; then
  pass "jobspor demo --db '$db_win' --citizens 20"
else
  fail "jobspor demo --db '$db_win'"
fi

if jobspor list --db "$db_win" && [ "$(grep -c $'^[0-9]*\t' "$root/out")" -eq 20 ]; then
  pass "jobspor list: 20 citizens"
else
  fail "jobspor list (expected 20 lines ID<TAB>name)"
fi
line=$(grep -m1 $'^[0-9]*\t.*[æøåÆØÅ]' "$root/out")
id=${line%%$'\t'*} name=${line#*$'\t'}
[ -n "$line" ] && pass "picked citizen $id \"$name\" (name with æ/ø/å)" || fail "no demo citizen with æ/ø/å in the name"

for kind in folder ydelse; do
  pdf_win="$docs_win\\$kind $id.pdf" pdf_unix="$docs_unix/$kind $id.pdf"
  if jobspor handout "$kind" --citizen "$id" --out "$pdf_win" --db "$db_win" && [ -s "$pdf_unix" ] &&
     pdftotext -enc UTF-8 "$pdf_unix" - >"$root/out" 2>"$root/err" && grep -qF "$name" "$root/out"; then
    pass "jobspor handout $kind --citizen $id --out '$pdf_win': pdftotext finds \"$name\""
  else
    fail "jobspor handout $kind --citizen $id (PDF with \"$name\")"
  fi
done

if jobspor export --citizen "$id" --db "$db_win" && grep -qF "\"name\": \"$name\"" "$root/out" &&
   grep -q '"exported_at"' "$root/out"; then
  pass "jobspor export --citizen $id: JSON with \"$name\" ($(wc -c <"$root/out") bytes)"
else
  fail "jobspor export --citizen $id"
fi

# A CRLF file as Danish Excel saves "CSV UTF-8": BOM, semicolons, a quoted field.
cp "$here/jobs-excel-utf8-crlf.csv" "$docs_unix/Job fra Excel.csv"
if jobspor import jobs "$docs_win\\Job fra Excel.csv" --db "$db_win" && grep -q ': 3 nye' "$root/out"; then
  pass "jobspor import jobs (CRLF, UTF-8 with BOM): $(head -1 "$root/out")"
else
  fail "jobspor import jobs (CRLF, UTF-8 with BOM)"
fi

# Danish Excel's "CSV (semikolonsepareret)": Windows-1252, CRLF. Off until the import reads it.
if [ "${SMOKE_CP1252:-}" = 1 ]; then
  cp "$here/jobs-excel-cp1252-crlf.csv" "$docs_unix/Job cp1252.csv"
  if jobspor import jobs "$docs_win\\Job cp1252.csv" --db "$db_win" && grep -q ': 2 nye' "$root/out"; then
    pass "jobspor import jobs (CRLF, Windows-1252): $(head -1 "$root/out")"
  else
    fail "jobspor import jobs (CRLF, Windows-1252)"
  fi
else
  echo "SKIP jobspor import jobs (Windows-1252): set SMOKE_CP1252=1 once the import reads it"
fi

if jobspor check --db "$db_win" && grep -q '^ok: ' "$root/out"; then
  pass "jobspor check: $(head -1 "$root/out")"
else
  fail "jobspor check"
fi

# An encrypted backup into a folder with æ/ø, and a restore of it beside the database.
printf 'korrekt hest batteri hæfteklamme\r\n' >"$docs_unix/adgangskode.txt"
backup_win="$docs_win\\Sikkerhedskopier på USB"
if jobspor backup --db "$db_win" --to "$backup_win" --passphrase-file "$docs_win\\adgangskode.txt" &&
   grep -q '^ok: ' "$root/out"; then
  pass "jobspor backup --to '$backup_win': $(head -1 "$root/out")"
else
  fail "jobspor backup --to '$backup_win'"
fi
backup_file=$(find "$docs_unix/Sikkerhedskopier på USB" -type f | head -1)
restored_win="$profile_win\\AppData\\Local\\Jobspor\\gendannet.db"
if [ -n "$backup_file" ] &&
   jobspor restore "$docs_win\\Sikkerhedskopier på USB\\$(basename "$backup_file")" --db "$restored_win" \
     --passphrase-file "$docs_win\\adgangskode.txt" && grep -q '^ok: ' "$root/out" &&
   jobspor list --db "$restored_win" && [ "$(grep -c $'^[0-9]*\t' "$root/out")" -eq 20 ]; then
  pass "jobspor restore $(basename "$backup_file") --db '$restored_win': 20 citizens back"
else
  fail "jobspor restore of the backup"
fi

# 5. Upgrade in place: the same exe as a newer version, then uninstall; the database stays.
db_sum=$(sha256sum "$db_unix" | cut -d' ' -f1)
next=$(echo "$version" | awk -F. '{ printf "%d.%d.%d", $1, $2, $3 + 1 }')
up_msi=$root/jobspor-$next-x64.msi
( cd "$repo" && wixl -a x64 -D Version="$next" -D ExeFile=out/windows/jobspor.exe \
    -D IconFile=out/windows/jobspor.ico -o "$up_msi" .ci/windows/jobspor.wxs ) >"$root/out" 2>"$root/err" ||
  fail "build the upgrade MSI ($next)"
up_product=$(msi_property "$up_msi" ProductCode)
if wine_run 300 msiexec /i "Z:${up_msi//\//\\}" /qn && [ -f "$exe_file" ] &&
   uninstall_key "$up_product" && grep -q "DisplayVersion.*$next" "$root/out" &&
   ! uninstall_key "$product"; then
  pass "upgrade in place to $next: one Add/Remove Programs entry ($up_product), $version's is gone"
else
  fail "upgrade in place to $next"
fi
[ "$(sha256sum "$db_unix" | cut -d' ' -f1)" = "$db_sum" ] && pass "upgrade left the database untouched" ||
  fail "upgrade changed the database"

if wine_run 300 msiexec /x "$up_product" /qn && [ ! -e "$exe_file" ] && ! uninstall_key "$up_product" &&
   [ -z "$(find "$drive_c" -name 'Jobspor.lnk' 2>/dev/null)" ]; then
  pass "silent uninstall (msiexec /x $up_product /qn): program, shortcut and entry gone"
else
  fail "silent uninstall"
fi
if [ "$(sha256sum "$db_unix" 2>/dev/null | cut -d' ' -f1)" = "$db_sum" ]; then
  pass "uninstall kept the database: ${db_unix#"$drive_c/"}"
else
  fail "uninstall removed or changed the database"
fi

echo "--- Windows smoke test took $(( $(date +%s) - started )) s"
echo "windows-smoke: $passed passed, 0 failed"
