package dev.retort.cli;

import dev.retort.manifest.ManifestDiff;
import dev.retort.manifest.ResultCompare;

import java.util.List;
import java.util.Locale;

/** The text of {@code retort rerun}'s and {@code retort diff}'s reports. */
final class Reports2 {
    private Reports2() {
    }

    static String rerunReport(int trials, List<ResultCompare.TrialDifference> diffs, double tolerance, boolean forced) {
        StringBuilder sb = new StringBuilder();
        if (diffs.isEmpty()) {
            sb.append("identical: ").append(trials).append(" trials, every result ")
                    .append(tolerance == 0 ? "bit for bit" : "within " + tolerance).append('\n');
            return sb.toString();
        }
        long n = diffs.stream().map(ResultCompare.TrialDifference::configHash).distinct().count();
        sb.append("different: ").append(n).append(" of ").append(trials).append(" trials")
                .append(tolerance == 0 ? "" : " beyond " + tolerance).append(forced ? " (the rerun was forced; see the accepted differences above)" : "").append('\n');
        sb.append(trialTable(diffs));
        return sb.toString();
    }

    static String trialTable(List<ResultCompare.TrialDifference> diffs) {
        StringBuilder sb = new StringBuilder();
        String fmt = "%-10s  %-40s  %-14s  %-22s  %-22s  %-10s  %-10s%n";
        sb.append(String.format(Locale.ROOT, fmt, "config", "params", "metric", "recorded", "new", "abs", "rel"));
        for (ResultCompare.TrialDifference d : diffs)
            sb.append(String.format(Locale.ROOT, fmt, d.configHash().substring(0, 8), cut(d.config(), 40), d.key(), cut(d.recorded(), 22),
                    cut(d.found(), 22), d.absolute() == null ? "" : String.format(Locale.ROOT, "%.3g", d.absolute()),
                    d.relative() == null ? "" : String.format(Locale.ROOT, "%.3g", d.relative())));
        return sb.toString();
    }

    static String differences(List<ManifestDiff.Difference> diffs) {
        StringBuilder sb = new StringBuilder();
        for (ManifestDiff.Difference d : diffs) sb.append("  ").append(d).append('\n');
        return sb.toString();
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 3) + "...";
    }
}
