package dev.bklint.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Glob answers as the JDK's glob matcher does, without its regular expressions. */
class GlobTest {
    @Test
    void theDocumentedForms() {
        assertTrue(Glob.compile("legacy/**.yml").matches("legacy/a/b/c.yml"));
        assertTrue(Glob.compile("ci/*.yml").matches("ci/x.yml"));
        assertEquals(false, Glob.compile("ci/*.yml").matches("ci/sub/x.yml"));
        assertTrue(Glob.compile("{a,b}/[!x]?.y[a-m]l").matches("b/zz.yml"));
        assertTrue(Glob.compile("a\\*b").matches("a*b"));
        assertEquals(false, Glob.compile("a\\*b").matches("axb"));
        assertTrue(Glob.compile("caf\u00e9/\uD83D\uDE00?.yml").matches("caf\u00e9/\uD83D\uDE00\uD83D\uDE01.yml"));
    }

    /** Random short globs and paths from a small alphabet: the JDK's answer is the reference. */
    @Test
    void agreesWithTheJdkOnRandomGlobs() {
        String[] pieces = {"a", "b", "/", "*", "**", "?", "[ab]", "[!a]", "[a-b]", "{a,b}", "{,a/}", ".", "\\*", "-"};
        String alphabet = "ab/.*-";
        Random random = new Random(9);
        int compared = 0;
        for (int g = 0; g < 3000; g++) {
            StringBuilder glob = new StringBuilder();
            for (int k = random.nextInt(7); k >= 0; k--) {
                glob.append(pieces[random.nextInt(pieces.length)]);
            }
            PathMatcher jdk;
            try {
                jdk = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            } catch (RuntimeException e) {
                assertThrows(Glob.GlobError.class, () -> Glob.compile(glob.toString()), glob.toString());
                continue;
            }
            Glob ours = Glob.compile(glob.toString());
            for (int p = 0; p < 20; p++) {
                StringBuilder path = new StringBuilder();
                for (int k = random.nextInt(8); k >= 0; k--) {
                    path.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                String name = path.toString();
                if (name.startsWith("/") || name.endsWith("/") || name.contains("//")) {
                    continue; // Path.of would rewrite these before the JDK matcher sees them
                }
                assertEquals(jdk.matches(Path.of(name)), ours.matches(name), "glob " + glob + " against " + name);
                compared++;
            }
        }
        assertTrue(compared > 20_000, "compared " + compared);
    }

    @Test
    void badGlobsNameTheProblemAndWhere() {
        assertEquals("`[` is never closed with `]` at character 3", message("ab[cd"));
        assertEquals("`{` is never closed with `}` at character 2", message("a{b,c"));
        assertEquals("a `{` group inside another at character 4", message("{a,{b}}"));
        assertEquals("nothing after the escape `\\` at character 2", message("a\\"));
        assertEquals("range `z-a` runs backwards at character 4", message("[z-a]"));
        assertTrue(message("x".repeat(Glob.MAX_LENGTH + 1)).contains("over the 1024 limit"));
    }

    private static String message(String glob) {
        return assertThrows(Glob.GlobError.class, () -> Glob.compile(glob)).getMessage();
    }
}
