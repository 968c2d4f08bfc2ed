# Sums the lines of the office simulation's campaign log (make office-campaign-sum):
# the "chunk" lines' counts added up, the seeds they cover (gaps and seeds run twice
# named), and every "violation" or "stopped" line repeated as it is.
BEGIN { FS = "\t" }
/\tmutate=/ { mutated++; next } # runs against an office broken on purpose: not the campaign
$1 == "chunk" {
	for (i = 2; i <= NF; i++) {
		eq = index($i, "=")
		k = substr($i, 1, eq - 1); v = substr($i, eq + 1)
		if (k == "seeds") {
			split(v, s, "-")
			for (x = s[1] + 0; x <= s[2] + 0; x++) { if (x in seed) twice++; seed[x] = 1 }
			if (lo == "" || s[1] + 0 < lo) lo = s[1] + 0
			if (s[2] + 0 > hi) hi = s[2] + 0
		} else if (v ~ /^[0-9]+$/) {
			if (!(k in sum)) order[++n] = k
			sum[k] += v
		} else if (k == "commit" && !(v in commits)) { commits[v] = 1; clist = clist " " v }
	}
	chunks++
}
$1 == "violation" || $1 == "stopped" { bad[++nbad] = $0 }
END {
	if (chunks == 0) { print "no finished chunk in the log"; exit 1 }
	covered = 0
	for (x in seed) covered++
	printf "%d chunks, seeds %d-%d (%d seeds, %d missing, %d run twice), commits:%s\n", chunks, lo, hi, covered, hi - lo + 1 - covered, twice, clist
	for (i = 1; i <= n; i++) printf "  %-20s %d\n", order[i], sum[order[i]]
	for (i = 1; i <= nbad; i++) print bad[i]
	if (mutated) printf "(%d lines of runs against a deliberately broken office left out)\n", mutated
	printf "%d runs: %d notes lost, %d silent overwrites, %d violations in all\n", sum["runs"], sum["lost_notes"], sum["silent_overwrites"], sum["violations"]
}
