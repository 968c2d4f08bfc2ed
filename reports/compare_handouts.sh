#!/bin/sh
# compare_handouts.sh BEFORE_TREE AFTER_TREE WORKDIR
#
# Writes every handout from two source trees of Jobspor (TestWriteEveryKind),
# then compares them: pdftotext -layout of each file must be identical, and
# the uncompressed ("fixed/") files are also compared byte for byte. Pages
# are rendered with pdftoppm -r 60 into WORKDIR/{before,after}/png for
# looking at. Needs poppler-utils. Exit status 1 when any text differs.
set -eu
before=$1 after=$2 work=$3
rm -rf "$work/before" "$work/after"
for side in before after; do
	tree=$before
	[ "$side" = after ] && tree=$after
	(cd "$tree" && JOBSPOR_COMPARE="$work/$side" go test -count=1 -run '^TestWriteEveryKind$' ./reports/ >/dev/null)
	(cd "$work/$side" && find . -name '*.pdf' | sort | while read -r f; do
		pdftotext -layout -enc UTF-8 "$f" "${f%.pdf}.txt"
		mkdir -p "png/$(dirname "$f")"
		pdftoppm -r 60 -png -l 3 "$f" "png/${f%.pdf}"
	done)
done
status=0
for f in $(cd "$work/before" && find . -name '*.pdf' | sort); do
	t=${f%.pdf}.txt
	if ! cmp -s "$work/before/$t" "$work/after/$t"; then
		echo "TEXT DIFFERS: $f"
		status=1
	fi
	case $f in
	./fixed/*)
		if cmp -s "$work/before/$f" "$work/after/$f"; then echo "same bytes:   $f"; else echo "other bytes:  $f"; fi ;;
	*) echo "same text:    $f" ;;
	esac
done
exit $status
