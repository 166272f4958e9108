package dev.bklint.diagnose;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Matches the structured lines of one incident (one or more logs) against every known cause and ranks what matched
 * per failure site (research §5.4). Lines arrive one at a time and are not kept: only each site's first match of each
 * cause (capped), which near / unless-near evidence each site showed, a few lines that look like errors, and the
 * short run of hard-wrapped lines being joined.
 */
public final class Diagnoser implements Consumer<LogLine> {
    /** Lines a hard-wrapped paste is joined over at most. */
    static final int MAX_JOINED = 8;
    static final int ERROR_LINES_KEPT = 5;
    /** Matches and sites kept at most: a log with more failing sites than this is not read for more. */
    static final int MAX_KEPT = 10_000;
    private static final Pattern ERROR_LOOKING =
            Pattern.compile("(?i)\\b(?:error|fatal|failed|failure|denied|not found|panic|exited with status)\\b");
    private static final Pattern FATAL_DAEMON_LINE =
            Pattern.compile("(?i)(?:\\berror\\b|\\bfatal\\b|\\bpanic\\b|^buildkitd: )");
    /** The client-side symptoms of a daemon that is not there: any explanation of why in the incident removes them. */
    private static final Set<String> DAEMON_SYMPTOMS = Set.of("daemon-not-running", "daemon-start-timeout");

    private final CauseMatcher matcher;
    private final List<Pattern> evidence = new ArrayList<>();
    private final Map<Pattern, Integer> evidenceIndex = new HashMap<>();
    private final Map<String, Found> found = new LinkedHashMap<>();
    private final Map<String, BitSet> siteEvidence = new HashMap<>();
    private final Set<String> fatalDaemonSites = new HashSet<>();
    private final Map<String, Integer> healthyAt = new HashMap<>();
    private final Deque<LogLine> errorLines = new ArrayDeque<>();
    private final List<StructuredLine> wrapped = new ArrayList<>();
    private final ContextCollector context = new ContextCollector();
    private final List<LogStructure> inputs = new ArrayList<>();
    private LogStructure single;
    private int seen;
    private int lastVerdict = -1;
    private boolean sawCheckout;
    private boolean checkoutRecovered;

    public Diagnoser(List<Cause> causes) {
        this.matcher = new CauseMatcher(causes);
        for (Cause c : causes) {
            for (Pattern p : c.near()) {
                evidenceIndex.computeIfAbsent(p, k -> add(k));
            }
            for (Pattern p : c.unlessNear()) {
                evidenceIndex.computeIfAbsent(p, k -> add(k));
            }
        }
    }

    private int add(Pattern p) {
        evidence.add(p);
        return evidence.size() - 1;
    }

    /** A cause found in the incident, with where it was found and what the ranking made of it. */
    public record Match(Cause cause, LogLine line, Section section, String site, boolean corroborated,
                        List<String> superseded, int order) {
        public Match {
            superseded = List.copyOf(superseded);
        }
    }

    /**
     * The ranked result. {@code ranked} holds one match per failing site, the headline first and then the other
     * independent failures ({@link #also()}); {@code related} holds the lower-priority causes found in the same
     * sites, or the same cause found again elsewhere. Empty when no known cause matched.
     */
    public record Diagnosis(List<Match> ranked, List<Match> related, List<LogLine> errorLines,
                            IncidentContext context) {
        public Match headline() {
            return ranked.isEmpty() ? null : ranked.get(0);
        }

        public List<Match> also() {
            return ranked.isEmpty() ? List.of() : ranked.subList(1, ranked.size());
        }
    }

    /** A cause's first match in one site, before ranking. */
    private record Found(Cause cause, StructuredLine at, int order) {
    }

    /**
     * The reader of one more input of this incident; its sites are named after {@code prefix} so that two inputs'
     * sites stay apart. Call {@link LogStructure#finish()} at its end (or {@link #result()} does).
     */
    public LogStructure input(String prefix) {
        LogStructure s = new LogStructure(this::accept, context, prefix);
        inputs.add(s);
        wrapped.clear();
        return s;
    }

    /** Reads a line of the only input (for callers that diagnose one log). */
    @Override
    public void accept(LogLine line) {
        if (single == null) {
            single = input("");
        }
        single.accept(line);
    }

    /** One structured line, in input order. */
    public void accept(StructuredLine line) {
        seen++;
        observe(line);
        matchAll(line);
        // A paste hard-wrapped by a terminal or a ticket leaves a space at each break: the lines since the first
        // such break are matched again as one logical line, reported at its first physical line, in its section.
        String text = line.text();
        if (!wrapped.isEmpty()) {
            wrapped.add(line);
            StringBuilder joined = new StringBuilder();
            wrapped.forEach(l -> joined.append(l.text()));
            StructuredLine head = wrapped.get(0);
            matchAll(new StructuredLine(head.line(), joined.toString(), head.section(), head.site(), head.level()));
        }
        boolean breaks = text.endsWith(" ") && !text.isBlank();
        if (!breaks || wrapped.size() >= MAX_JOINED) {
            wrapped.clear();
        }
        if (breaks && wrapped.isEmpty()) {
            wrapped.add(line);
        }
        if (mayLookLikeError(text) && ERROR_LOOKING.matcher(text).find()) {
            errorLines.addLast(line.line());
            if (errorLines.size() > ERROR_LINES_KEPT) {
                errorLines.removeFirst();
            }
        }
    }

    /** The words ERROR_LOOKING needs, found without a regex: most log lines hold none, and this runs on every one. */
    private static final List<String> ERROR_WORDS = List.of("error", "fatal", "fail", "denied", "not found", "panic",
            "exited with status");

    static boolean mayLookLikeError(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String w : ERROR_WORDS) {
            if (lower.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** Patterns that gave up on some line (a time bound per line), one note each, for the reader of the report. */
    public List<String> notes() {
        return matcher.notes();
    }

    /** What a line says about its site and the job, besides causes: evidence, daemon health, verdicts, checkout. */
    private void observe(StructuredLine line) {
        String text = line.text();
        for (int i = 0; i < evidence.size(); i++) {
            if (matcher.find(evidence.get(i), text)
                    && (siteEvidence.containsKey(line.site()) || siteEvidence.size() < MAX_KEPT)) {
                siteEvidence.computeIfAbsent(line.site(), k -> new BitSet()).set(i);
            }
        }
        switch (line.section()) {
            case DAEMON_LOG -> {
                if (text.contains("running server on")
                        && (healthyAt.containsKey(line.site()) || healthyAt.size() < MAX_KEPT)) {
                    healthyAt.put(line.site(), seen); // the daemon came up: what it warned about before did not stop it
                } else if (!line.isWarning() && FATAL_DAEMON_LINE.matcher(text).find() && fatalDaemonSites.size() < MAX_KEPT) {
                    fatalDaemonSites.add(line.site());
                }
            }
            case AGENT -> {
                if (text.startsWith("\uD83D\uDEA8 Error:")) {
                    lastVerdict = seen;
                }
            }
            case CHECKOUT -> sawCheckout = true;
            case COMMAND -> checkoutRecovered |= sawCheckout; // the agent only runs the command after a checkout that worked
            default -> {
            }
        }
    }

    private void matchAll(StructuredLine line) {
        for (Cause c : matcher.matching(line.text())) {
            if (!c.mayMatchIn(line.section())) {
                continue;
            }
            String key = line.site() + '\u0000' + c.id();
            if (found.containsKey(key) || found.size() >= MAX_KEPT) {
                continue;
            }
            found.put(key, new Found(c, line, seen));
        }
    }

    /** Whether a match is on a warning that did not stop the job, so it explains nothing. */
    private boolean recovered(Found f) {
        StructuredLine at = f.at();
        return switch (at.section()) {
            case CHECKOUT -> checkoutRecovered;
            case VERTEX -> at.level().equals("warning"); // #N WARN: a Dockerfile lint warning, not a failure
            case DAEMON_LOG -> f.order() < healthyAt.getOrDefault(at.site(), -1)
                    || at.isWarning() && !fatalDaemonSites.contains(at.site());
            default -> false;
        };
    }

    /** The line a report shows: at its first physical line, with the text that matched (joined rows, pastes). */
    private static LogLine reported(StructuredLine at) {
        LogLine l = at.line();
        return l.text().equals(at.text()) ? l : new LogLine(l.path(), l.number(), at.text());
    }

    private boolean seenInSite(String site, List<Pattern> patterns) {
        BitSet bits = siteEvidence.get(site);
        if (bits == null) {
            return false;
        }
        for (Pattern p : patterns) {
            if (bits.get(evidenceIndex.get(p))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Ranks what matched: recovered warnings and unless-near matches dropped; per site the highest-priority cause
     * kept and what it supersedes removed (the client-side daemon symptoms wherever the incident explains them);
     * wrappers and cascades never kept; sites ordered with the last failing site before the final agent verdict
     * first, then by priority, a later match first among equals.
     */
    public Diagnosis result() {
        for (LogStructure s : inputs) {
            s.finish();
        }
        List<Found> kept = new ArrayList<>();
        for (Found f : found.values()) {
            if (!recovered(f) && !seenInSite(f.at().site(), f.cause().unlessNear())) {
                kept.add(f);
            }
        }
        Set<String> daemonExplained = new HashSet<>();
        Map<String, List<Found>> bySite = new LinkedHashMap<>();
        for (Found f : kept) {
            bySite.computeIfAbsent(f.at().site(), k -> new ArrayList<>()).add(f);
            if (f.cause().canHeadline()) {
                f.cause().supersedes().stream().filter(DAEMON_SYMPTOMS::contains).forEach(daemonExplained::add);
            }
        }
        Comparator<Found> byPriority = Comparator.comparingInt((Found f) -> f.cause().priority()).reversed()
                .thenComparing(Comparator.comparingInt(Found::order).reversed());
        List<Match> heads = new ArrayList<>();
        List<Match> related = new ArrayList<>();
        Map<String, Integer> lastInSite = new HashMap<>();
        for (Map.Entry<String, List<Found>> site : bySite.entrySet()) {
            Set<String> supersededHere = new HashSet<>();
            site.getValue().forEach(f -> supersededHere.addAll(f.cause().supersedes()));
            List<Found> standing = site.getValue().stream()
                    .filter(f -> f.cause().canHeadline() && !supersededHere.contains(f.cause().id())
                            && !daemonExplained.contains(f.cause().id()))
                    .sorted(byPriority).toList();
            if (standing.isEmpty()) {
                continue;
            }
            lastInSite.put(site.getKey(), standing.stream().mapToInt(Found::order).max().orElse(0));
            for (int i = 0; i < standing.size(); i++) {
                Found f = standing.get(i);
                List<String> removed = site.getValue().stream().map(o -> o.cause().id())
                        .filter(id -> f.cause().supersedes().contains(id)).distinct().toList();
                Match m = new Match(f.cause(), reported(f.at()), f.at().section(), f.at().site(),
                        seenInSite(f.at().site(), f.cause().near()), removed, f.order());
                (i == 0 ? heads : related).add(m);
            }
        }
        int before = lastVerdict < 0 ? Integer.MAX_VALUE : lastVerdict;
        String first = lastInSite.entrySet().stream().filter(e -> e.getValue() < before)
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(lastInSite.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                        .orElse(null));
        Comparator<Match> ranking = Comparator.comparing((Match m) -> !m.site().equals(first))
                .thenComparing(Comparator.comparingInt((Match m) -> m.cause().priority()).reversed())
                .thenComparing(Comparator.comparingInt(Match::order).reversed());
        List<Match> ranked = new ArrayList<>();
        Set<String> named = new HashSet<>();
        for (Match m : heads.stream().sorted(ranking).toList()) {
            // the same cause seen again in another site (describe and events, a table and a stack notification)
            // is one failure told twice: it is related, not another independent failure
            (named.add(m.cause().id()) ? ranked : related).add(m);
        }
        return new Diagnosis(List.copyOf(ranked), List.copyOf(related), List.copyOf(errorLines), context.context());
    }
}
