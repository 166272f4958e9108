package dev.bklint.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Checks the cause catalogue as data, read from the source tree (not the class path) so a file that is in the
 * folder but missing from index.txt is caught: resources inside a jar cannot be listed, so the engine relies on
 * the index.
 */
class CauseCatalogueTest {

  private static final Path DIR = Path.of("src/main/resources/dev/bklint/diagnose/causes");
  private static final Set<String> ROLES = Set.of("cause", "wrapper", "cascade", "generic");
  private static final List<String> REQUIRED =
      List.of("id", "title", "role", "priority", "rule", "patterns", "why", "fix", "sources", "tests");
  private static final Pattern RULE_ID = Pattern.compile("none|BK\\d{3}");

  @Test
  void indexListsExactlyTheYamlFilesSorted() throws IOException {
    List<String> index = indexLines();
    List<String> sorted = new ArrayList<>(index);
    sorted.sort(null);
    assertEquals(sorted, index, "index.txt must be sorted");
    assertEquals(yamlFileNames(), index, "index.txt must list exactly the folder's .yaml files");
  }

  @Test
  void everyCauseIsWellFormedAndItsTestsHold() throws IOException {
    List<String> names = yamlFileNames();
    assertFalse(names.isEmpty(), "no cause files found under " + DIR.toAbsolutePath());
    for (String name : names) {
      checkCause(name, load(DIR.resolve(name)));
    }
  }

  @Test
  void theNestedQuantifierCheckRecognisesTheShapesItRejects() {
    for (String bad : List.of("(a+)+", "(a*)*", "(a+)*", "(?:x\\s+y)+", "([^)]+){2,}")) {
      assertTrue(hasNestedUnboundedQuantifier(bad), bad);
    }
    for (String ok : List.of("(a+)b+", "(?:ab)+", "[^)]+\\)+", "(?:a|b)+")) {
      assertFalse(hasNestedUnboundedQuantifier(ok), ok);
    }
  }

  private static void checkCause(String fileName, Map<String, Object> cause) {
    String where = fileName + ": ";
    for (String key : REQUIRED) {
      assertTrue(cause.containsKey(key) && cause.get(key) != null, where + "missing " + key);
    }
    assertEquals(fileName.substring(0, fileName.length() - ".yaml".length()), cause.get("id"), where + "id");
    String title = (String) cause.get("title");
    assertTrue(!title.isBlank() && title.length() <= 120, where + "title must be 1..120 chars");
    assertTrue(ROLES.contains(cause.get("role")), where + "role " + cause.get("role"));
    Object priority = cause.get("priority");
    assertTrue(priority instanceof Integer p && p > 0 && p <= 1000, where + "priority " + priority);
    String rule = String.valueOf(cause.get("rule"));
    assertTrue(RULE_ID.matcher(rule).matches(), where + "rule " + rule);
    if (!"none".equals(rule)) {
      assertTrue(Files.isRegularFile(Path.of("rules", rule + ".yaml")), where + "unknown rule " + rule);
    }
    assertFalse(((String) cause.get("why")).isBlank(), where + "why");
    assertFalse(((String) cause.get("fix")).isBlank(), where + "fix");
    List<String> sources = strings(cause.get("sources"));
    assertFalse(sources.isEmpty(), where + "sources");

    List<Pattern> patterns = new ArrayList<>();
    for (String regex : strings(cause.get("patterns"))) {
      assertFalse(hasNestedUnboundedQuantifier(regex), where + "nested unbounded quantifier in " + regex);
      try {
        patterns.add(Pattern.compile(regex));
      } catch (PatternSyntaxException e) {
        fail(where + "pattern does not compile: " + e.getMessage());
      }
    }
    assertFalse(patterns.isEmpty(), where + "patterns");

    @SuppressWarnings("unchecked")
    Map<String, Object> tests = (Map<String, Object>) cause.get("tests");
    List<String> matching = strings(tests.get("match"));
    assertFalse(matching.isEmpty(), where + "tests.match must not be empty");
    for (String line : matching) {
      assertTrue(patterns.stream().anyMatch(p -> p.matcher(line).find()), where + "no pattern matches: " + line);
    }
    for (String line : strings(tests.get("no-match"))) {
      for (Pattern p : patterns) {
        assertFalse(p.matcher(line).find(), where + "pattern " + p + " wrongly matches: " + line);
      }
    }
  }

  /**
   * True when a group that contains an unbounded quantifier ({@code +}, {@code *}, {@code {n,}}) is itself
   * repeated without bound: {@code (a+)+}, {@code (a*)*}, {@code (x\s+y)+}. These shapes can backtrack
   * exponentially on a long log line. Escapes and character classes are skipped, so {@code [^)]+\)+} is fine.
   */
  static boolean hasNestedUnboundedQuantifier(String regex) {
    List<Boolean> open = new ArrayList<>(); // per open group: does it contain an unbounded quantifier?
    boolean closedGroupUnbounded = false; // the group that just closed, if the next char quantifies it
    int i = 0;
    while (i < regex.length()) {
      char c = regex.charAt(i);
      boolean afterGroup = closedGroupUnbounded;
      closedGroupUnbounded = false;
      if (c == '\\') {
        i += 2;
      } else if (c == '[') {
        i = endOfClass(regex, i);
      } else if (c == '(') {
        open.add(false);
        i++;
      } else if (c == ')') {
        boolean inner = !open.isEmpty() && open.remove(open.size() - 1);
        closedGroupUnbounded = inner;
        if (inner && !open.isEmpty()) {
          open.set(open.size() - 1, true);
        }
        i++;
      } else if (isUnboundedQuantifierAt(regex, i)) {
        if (afterGroup) {
          return true;
        }
        if (!open.isEmpty()) {
          open.set(open.size() - 1, true);
        }
        i++;
      } else {
        i++;
      }
    }
    return false;
  }

  private static boolean isUnboundedQuantifierAt(String regex, int i) {
    char c = regex.charAt(i);
    if (c == '+' || c == '*') {
      return true;
    }
    if (c == '{') {
      int close = regex.indexOf('}', i);
      return close > 0 && regex.substring(i + 1, close).matches("\\d+,");
    }
    return false;
  }

  /** Index after the character class starting at {@code start}; a leading {@code ]} or {@code ^]} is literal. */
  private static int endOfClass(String regex, int start) {
    int i = start + 1;
    if (i < regex.length() && regex.charAt(i) == '^') {
      i++;
    }
    if (i < regex.length() && regex.charAt(i) == ']') {
      i++;
    }
    while (i < regex.length() && regex.charAt(i) != ']') {
      i += regex.charAt(i) == '\\' ? 2 : 1;
    }
    return i + 1;
  }

  private static List<String> strings(Object value) {
    if (value == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (Object item : (List<?>) value) {
      out.add((String) item);
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> load(Path file) throws IOException {
    Load loader = new Load(LoadSettings.builder().build());
    return (Map<String, Object>) loader.loadFromString(Files.readString(file, StandardCharsets.UTF_8));
  }

  private static List<String> indexLines() throws IOException {
    return Files.readAllLines(DIR.resolve("index.txt"), StandardCharsets.UTF_8).stream()
        .filter(line -> !line.isBlank())
        .toList();
  }

  private static List<String> yamlFileNames() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList();
    }
  }
}
