package dev.bklint.diagnose;

/**
 * What {@link LogStructure} hands on to be matched: a logical line (one physical line, or one table row joined
 * from its soft-wrapped lines), the section it was printed in and its failure site.
 *
 * @param line    the first physical line, which the report points at
 * @param text    the text to match
 * @param section where in the job's text it was printed
 * @param site    the failure site: lines of one site explain one failure (a daemon start, a vertex, a container)
 * @param level   the logfmt {@code level=} of a daemon-log line, {@code warning} for a {@code #N WARN:} line, or empty
 */
public record StructuredLine(LogLine line, String text, Section section, String site, String level) {
    /** Whether the line is a warning or chatter, not an error: {@code level=} warning, info or debug. */
    public boolean isWarning() {
        return level.equals("warning") || level.equals("warn") || level.equals("info") || level.equals("debug")
                || level.equals("trace");
    }
}
