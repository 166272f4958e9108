package dev.bklint.buildkit;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a buildctl argument list the way urfave/cli (on Go's flag package) does, but keeps going where
 * buildctl would stop with an error, so a linter can report every misplaced or foreign flag.
 *
 * <p>Unlike Go's flag package, flags after a positional argument are still read as flags: someone who
 * wrote them meant them as flags.
 */
final class BuildctlParser {

    private final List<Word> words;
    private final ShellScript script;
    private final List<Flag> flags = new ArrayList<>();
    private final List<Word> positionals = new ArrayList<>();
    private Word subcommand;
    private String subcommandName;
    private int i = 1;

    /** @param script the script the words came from, for exact value offsets; may be null */
    BuildctlParser(List<Word> words, ShellScript script) {
        this.words = words;
        this.script = script;
    }

    List<Flag> flags() {
        return flags;
    }

    List<Word> positionals() {
        return positionals;
    }

    Word subcommand() {
        return subcommand;
    }

    String subcommandName() {
        return subcommandName;
    }

    void parse() {
        parseGlobalFlags();
        if (subcommand == null) {
            return;
        }
        boolean flagsEnded = false;
        BuildctlFlagTable table = BuildctlFlagTable.forSubcommand(subcommandName);
        while (i < words.size()) {
            Word word = words.get(i);
            if (!flagsEnded && word.value().equals("--")) {
                flagsEnded = true;
                i++;
            } else if (!flagsEnded && isFlag(word)) {
                parseFlag(table, true);
            } else {
                positionals.add(word);
                i++;
            }
        }
    }

    private void parseGlobalFlags() {
        while (i < words.size()) {
            Word word = words.get(i);
            if (word.value().equals("--")) {
                i++;
                if (i < words.size()) {
                    setSubcommand(words.get(i++));
                }
                return;
            }
            if (!isFlag(word)) {
                setSubcommand(word);
                i++;
                return;
            }
            parseFlag(BuildctlFlagTable.GLOBAL, false);
        }
    }

    private void setSubcommand(Word word) {
        subcommand = word;
        subcommandName = switch (word.value()) {
            case "b" -> "build";
            case "h" -> "help";
            default -> word.value();
        };
    }

    private static boolean isFlag(Word word) {
        return word.value().length() > 1 && word.value().startsWith("-");
    }

    /** Reads the flag at {@code i} (and its value word, if it takes one) and advances past them. */
    @SuppressWarnings("ReferenceEquality") // the flag tables are constants, told apart by identity
    private void parseFlag(BuildctlFlagTable table, boolean afterSubcommand) {
        Word word = words.get(i++);
        String text = word.value();
        int dashes = text.startsWith("--") ? 2 : 1;
        int eq = text.indexOf('=', dashes);
        String writtenName = eq < 0 ? text.substring(dashes) : text.substring(dashes, eq);
        String written = text.substring(0, dashes + writtenName.length());

        String name = table.canonical(writtenName);
        BuildctlFlagTable owner = table;
        if (name == null && afterSubcommand) {
            name = BuildctlFlagTable.GLOBAL.canonical(writtenName);
            owner = BuildctlFlagTable.GLOBAL;
        }
        boolean known = name != null;
        boolean global = known && owner == BuildctlFlagTable.GLOBAL;
        if (!known) {
            name = writtenName;
        }

        String value = null;
        Word valueWord = null;
        int valueStart = -1;
        if (eq >= 0) {
            value = text.substring(eq + 1);
            valueWord = word;
            valueStart = offset(word, eq + 1);
        } else if (takesSeparateValue(known, owner, name)) {
            valueWord = words.get(i++);
            value = valueWord.value();
            valueStart = offset(valueWord, 0);
        }
        flags.add(new Flag(name, written, word, value, valueWord, valueStart, global, afterSubcommand, known));
    }

    private boolean takesSeparateValue(boolean known, BuildctlFlagTable owner, String name) {
        if (i >= words.size()) {
            return false;
        }
        if (known) {
            // Go's flag package takes the next argument as the value even if it starts with "-".
            return owner.takesValue(name);
        }
        return (BuildctlFlagTable.FOREIGN_VALUED.contains(name)
                || "build".equals(subcommandName) && BuildctlFlagTable.REMOVED_BUILD_FLAGS.containsKey(name))
                && !words.get(i).value().startsWith("-");
    }

    /**
     * Raw offset of value character {@code index}. Exact with the script; otherwise assumes the quoting,
     * if any, comes after the index (as in {@code --opt=build-arg:X="a b"}), clamped inside the word.
     */
    private int offset(Word word, int index) {
        if (script != null) {
            return script.rawOffset(word, index);
        }
        return Math.max(word.start(), Math.min(word.start() + index, word.end()));
    }
}
