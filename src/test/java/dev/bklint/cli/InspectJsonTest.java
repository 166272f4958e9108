package dev.bklint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bklint.Fixtures;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/** {@code inspect --format json} and {@code rules --format json}: what the text shows, for programs. */
class InspectJsonTest {
    @Test
    void inspectJsonHoldsWhatTheTextListingShows() {
        Fixtures.Run json = Fixtures.run("inspect", "--format", "json", "fixtures/guide/rootless.yml");
        assertEquals(0, json.exit(), json.err());
        JSONObject root = new JSONObject(json.out());
        assertTrue(root.getBoolean("kubernetesVersionAssumed"));
        JSONArray steps = root.getJSONArray("files").getJSONObject(0).getJSONArray("steps");
        Fixtures.Run text = Fixtures.run("inspect", "fixtures/guide/rootless.yml");
        assertEquals(text.out().lines().filter(l -> l.startsWith("    container: ")).count(), steps.length());
        JSONObject step = steps.getJSONObject(0);
        assertEquals("main", step.getString("container"));
        assertEquals("rootless", step.getString("mode"));
        assertTrue(text.out().contains("    command:   " + step.getJSONArray("buildctl").getString(0)), text.out());
        assertEquals("moby/buildkit:latest-rootless", step.getString("image"));
    }

    @Test
    void anUnknownInspectFormatIsAUsageError() {
        Fixtures.Run run = Fixtures.run("inspect", "--format", "yaml", "fixtures/guide/rootless.yml");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("--format must be text or json"), run.err());
    }

    @Test
    void rulesJsonSaysWhereToReadAboutEachRule() {
        JSONArray rules = new JSONArray(Fixtures.run("rules", "--format=json").out());
        JSONObject first = rules.getJSONObject(0);
        assertEquals("bklint explain " + first.getString("id"), first.getString("explain"));
        assertEquals("docs/rules/" + first.getString("id") + ".md", first.getString("doc"));
    }
}
