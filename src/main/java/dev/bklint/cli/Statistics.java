package dev.bklint.cli;

import dev.bklint.finding.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --statistics}: one line per rule that fired, {@code COUNT  ID name}, most frequent first and then by rule
 * ID, so that a team adopting bklint sees where most of the work is. Nothing when there is no finding.
 */
final class Statistics {
    private Statistics() {
    }

    private record Row(String rule, String name, int count) {
    }

    static String of(List<Finding> findings) {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (Finding f : findings) {
            rows.merge(f.rule(), new Row(f.rule(), f.name(), 1),
                    (a, b) -> new Row(a.rule(), a.name(), a.count() + b.count()));
        }
        List<Row> sorted = new ArrayList<>(rows.values());
        sorted.sort(Comparator.comparingInt(Row::count).reversed().thenComparing(Row::rule));
        int width = sorted.isEmpty() ? 1 : String.valueOf(sorted.get(0).count()).length();
        StringBuilder b = new StringBuilder();
        for (Row r : sorted) {
            b.append(String.format("%" + width + "d  %s %s", r.count(), r.rule(), r.name())).append('\n');
        }
        return b.toString();
    }
}
