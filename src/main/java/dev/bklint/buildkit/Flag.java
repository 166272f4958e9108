package dev.bklint.buildkit;

/**
 * One flag of a buildctl command line.
 *
 * @param name            canonical long name without dashes ({@code -o} reads as {@code output})
 * @param written         the flag exactly as spelled, without any {@code =value} ({@code -o}, {@code --opt})
 * @param word            the word holding the flag
 * @param value           the value; null for a boolean flag written without {@code =}, or a missing value
 * @param valueWord       the word holding the value ({@code word} itself for {@code --x=v}); null without value
 * @param valueStart      raw script offset of the value's first character (past any opening quote when the
 *                        script was given to {@link BuildctlCommand#of(SimpleCommand, ShellScript)}); -1 without value
 * @param global          a known global buildctl flag (wherever it was written)
 * @param afterSubcommand written after the subcommand
 * @param known           a flag buildctl defines for this position (global flags count as known anywhere)
 */
public record Flag(String name, String written, Word word, String value, Word valueWord, int valueStart,
                   boolean global, boolean afterSubcommand, boolean known) {

    public boolean hasValue() {
        return value != null;
    }
}
