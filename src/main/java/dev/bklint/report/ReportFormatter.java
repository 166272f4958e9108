package dev.bklint.report;

/** One {@code --format}: turns a run's report into the text to print or write. */
@FunctionalInterface
public interface ReportFormatter {
    String format(Report report);
}
