#!/usr/bin/env bash
# Inspects the MSI that `make windows` wrote (msiinfo, from msitools) and fails
# unless it installs per machine under Program Files\Jobspor, adds the Start-menu
# shortcut "Jobspor", carries Jobspor's fixed UpgradeCode with a major upgrade,
# ships jobspor.exe only, and nothing in it refers to the user's AppData (where
# the database lives).   .ci/windows/msicheck.sh FILE.msi
set -euo pipefail
msi=$(realpath "$1")
# `msiinfo export` writes a table's binary streams (the icon) as files: do it in a scratch folder.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cd "$scratch"
# Jobspor's UpgradeCode: fixed for all time, or a new version installs beside the old.
UPGRADE_CODE='{259273C8-CBE4-4A05-A7FF-BD355B569F11}'

fail=0
check() { # check "what" command...
  local what=$1; shift
  if "$@"; then echo "PASS msiinfo: $what"; else echo "FAIL msiinfo: $what"; fail=1; fi
}
exp()  { msiinfo export "$msi" "$1" | tr -d '\r'; }  # msiinfo writes CRLF
rows() { exp "$1" | tail -n +4; }                      # rows without the 3 header lines
row()  { rows "$1" | awk -F'\t' -v k="$2" '$1 == k'; }

echo "--- msiinfo evidence for $msi"
for t in Property Directory Component File Shortcut Upgrade; do
  echo "[$t]"; rows "$t" | sed 's/^/  /'
done
echo "---"

check "per-machine install (ALLUSERS=1)" \
  test "$(row Property ALLUSERS | cut -f2)" = 1
check "UpgradeCode is $UPGRADE_CODE" \
  test "$(row Property UpgradeCode | cut -f2)" = "$UPGRADE_CODE"
check "Upgrade table finds older versions by that UpgradeCode" \
  bash -c "msiinfo export '$msi' Upgrade | tr -d '\r' | tail -n +4 | awk -F'\t' '\$1==\"$UPGRADE_CODE\" && \$7==\"WIX_UPGRADE_DETECTED\"' | grep -q ."
check "older version removed on upgrade (RemoveExistingProducts)" \
  bash -c "msiinfo export '$msi' InstallExecuteSequence | grep -q '^RemoveExistingProducts'"
check "install folder Program Files\\Jobspor (INSTALLDIR under ProgramFiles64Folder)" \
  test "$(row Directory INSTALLDIR | cut -f2,3)" = "$(printf 'ProgramFiles64Folder\tJobspor')"
check "jobspor.exe in INSTALLDIR, 64-bit component" \
  bash -c "msiinfo export '$msi' Component | tr -d '\r' | tail -n +4 | awk -F'\t' '\$3==\"INSTALLDIR\" && \$6==\"jobspor.exe\" && int(\$4/256)%2==1' | grep -q ."
check "the only file is jobspor.exe (no test shim, no data)" \
  test "$(rows File | cut -f3)" = jobspor.exe
check "Start-menu shortcut \"Jobspor\" in ProgramMenuFolder to jobspor.exe" \
  bash -c "msiinfo export '$msi' Shortcut | tr -d '\r' | tail -n +4 | awk -F'\t' '\$2==\"ProgramMenuFolder\" && (\$3==\"Jobspor\" || \$3 ~ /\\|Jobspor\$/) && \$5==\"[#jobspor.exe]\"' | grep -q ."
check "no Directory refers to LocalAppData/AppData" \
  bash -c "! msiinfo export '$msi' Directory | grep -qi 'appdata'"
# Walks each component's directory up to TARGETDIR: none may sit under an AppData folder.
component_dirs() {
  { rows Directory | sed 's/^/D\t/'; rows Component | sed 's/^/C\t/'; } | awk -F'\t' '
    $1 == "D" { parent[$2] = $3 }
    $1 == "C" { comp[$2] = $4 }
    END { for (c in comp) { p = ""; d = comp[c]; n = 0
            while (d != "" && n++ < 50) { p = d (p == "" ? "" : "\\" p); d = parent[d] }
            print c ": " p } }'
}
echo "[component folders]"; component_dirs | sed 's/^/  /'
check "no Component lives under LocalAppData/AppData" \
  bash -c "! { $(declare -f exp rows component_dirs); msi='$msi'; component_dirs; } | grep -qi 'appdata'"
check "no table mentions LocalAppData, and nothing is removed beyond the installed file" \
  bash -c "for t in \$(msiinfo tables '$msi' | grep -v '^_'); do msiinfo export '$msi' \$t; done | grep -qi 'localappdata' && exit 1; test -z \"\$(msiinfo export '$msi' RemoveFile | tr -d '\r' | tail -n +4)\""
exit $fail
