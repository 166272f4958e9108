package dev.bklint.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bklint.Fixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every finding bklint prints on the fixtures reads the same way: a one-line headline of at most
 * {@value #HEADLINE} characters that says what is wrong and where, a separate why, and a why that does not repeat
 * the fix printed below it. One test per rule, so a rule's author sees only their own messages.
 */
class MessageShapeTest {
    static final int HEADLINE = dev.bklint.rules.Headline.MAX;

    @TestFactory
    Stream<DynamicTest> everyRulesFindingsHaveAShortHeadlineAndAWhy() throws IOException {
        Map<String, List<JSONObject>> byRule = new TreeMap<>();
        for (Path fixture : Fixtures.all()) {
            Fixtures.Run run = Fixtures.lint(fixture, "--format=json", "--fail-on=never");
            if (!run.out().startsWith("{")) {
                continue; // a fixture of bad input: its one-line error is checked by its approval
            }
            JSONArray findings = new JSONObject(run.out()).getJSONArray("findings");
            for (int i = 0; i < findings.length(); i++) {
                JSONObject f = findings.getJSONObject(i);
                f.put("fixture", fixture.toString());
                byRule.computeIfAbsent(f.getString("rule"), r -> new ArrayList<>()).add(f);
            }
        }
        return RuleRegistry.get().metas().stream().map(m -> DynamicTest.dynamicTest(m.id(), () -> {
            List<String> wrong = new ArrayList<>();
            for (JSONObject f : byRule.getOrDefault(m.id(), List.of())) {
                String where = f.getString("fixture") + ":" + f.getInt("line") + ": ";
                String headline = f.getString("message");
                String why = f.optString("why", "");
                if (headline.codePointCount(0, headline.length()) > HEADLINE) {
                    wrong.add(where + "headline of " + headline.length() + " characters: " + headline);
                }
                if (headline.contains("\n")) {
                    wrong.add(where + "headline of more than one line: " + headline);
                }
                if (why.isBlank()) {
                    wrong.add(where + "no why: " + headline);
                }
                JSONObject fix = f.optJSONObject("fix");
                String fixText = fix == null ? "" : fix.optString("description", "").strip();
                if (fixText.length() >= 20 && why.contains(fixText)) {
                    wrong.add(where + "the why repeats the fix: " + why);
                }
            }
            assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        }));
    }
}
