package dev.bklint.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.bklint.rules.RuleRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** docs/build-failed.md names only causes diagnose knows, each with the rule its cause file names. */
class BuildFailedPageTest {
    private static final Pattern ROW = Pattern.compile("^\\| .* \\| (`[a-z0-9-]+`.*) \\| ([A-Z0-9/ ]+|none) \\|$");
    private static final Pattern ID = Pattern.compile("`([a-z0-9-]+)`");

    @Test
    void everyRowNamesKnownCausesAndTheirRules() throws IOException {
        Set<String> known = CauseCatalog.get().causes().stream().map(Cause::id).collect(Collectors.toSet());
        List<String> wrong = new ArrayList<>();
        int rows = 0;
        for (String line : Files.readAllLines(Path.of("docs/build-failed.md"))) {
            Matcher row = ROW.matcher(line);
            if (!row.matches()) {
                continue;
            }
            rows++;
            List<String> rules = List.of(row.group(2).split(" / "));
            Matcher id = ID.matcher(row.group(1));
            int i = 0;
            while (id.find()) {
                String cause = id.group(1);
                if (!known.contains(cause)) {
                    wrong.add(cause + ": not a cause");
                    continue;
                }
                Cause c = CauseCatalog.get().causes().stream().filter(x -> x.id().equals(cause)).findFirst()
                        .orElseThrow();
                String rule = rules.get(Math.min(i++, rules.size() - 1));
                String expected = c.hasRule() ? c.rule() : "none";
                if (!expected.equals(rule) || !rule.equals("none") && RuleRegistry.get().find(rule) == null) {
                    wrong.add(cause + ": the page says " + rule + ", its cause file " + expected);
                }
            }
        }
        assertFalse(rows < 30, "the page's tables were read: " + rows + " rows");
        assertEquals(List.of(), wrong);
    }
}
