package dev.bklint.cli;

import dev.bklint.report.SafeText;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Standard output and error as bklint writes them: UTF-8 whatever the locale (under {@code LANG=C} Java's
 * System.out writes every non-ASCII character as {@code ?}, and carets no longer line up), and a failed write to
 * standard output remembered with its reason, so that it ends as exit 2 rather than a report silently lost
 * ({@link PrintWriter} itself keeps only a flag).
 */
final class StandardStreams {
    private StandardStreams() {
    }

    /** A writer whose failed writes are remembered; {@link #fault()} says why. */
    static final class Output extends PrintWriter {
        private final Recorder recorder;

        private Output(Recorder recorder) {
            super(new BufferedWriter(new OutputStreamWriter(recorder, StandardCharsets.UTF_8), 1 << 16), false);
            this.recorder = recorder;
        }

        /** The first error a write met, or null. */
        String fault() {
            return recorder.fault == null ? null : recorder.fault.getMessage();
        }
    }

    static Output stdout() {
        return new Output(new Recorder(new FileOutputStream(FileDescriptor.out)));
    }

    static Output over(OutputStream stream) {
        return new Output(new Recorder(stream));
    }

    static PrintWriter stderr() {
        return new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8),
                true);
    }

    /**
     * {@code err} with every character {@link SafeText} calls unsafe, except the line break, shown escaped: an
     * error message may quote a path or a value from the scanned repository, and bklint prints no colour there.
     */
    static PrintWriter escaping(PrintWriter err) {
        return new PrintWriter(new EscapingWriter(err), true);
    }

    /** Why writing to {@code out} failed, when it did: its own reason if it can tell, else a general one. */
    static String failure(PrintWriter out) {
        out.flush();
        if (!out.checkError()) {
            return null;
        }
        String fault = out instanceof Output o ? o.fault() : null;
        return fault == null ? "the write failed" : fault;
    }

    private static final class Recorder extends FilterOutputStream {
        private IOException fault;

        Recorder(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                fault = fault == null ? e : fault;
                throw e;
            }
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                fault = fault == null ? e : fault;
                throw e;
            }
        }
    }

    private static final class EscapingWriter extends Writer {
        private final Writer out;
        /** A high surrogate written alone, waiting for its low half. */
        private char pending;

        EscapingWriter(Writer out) {
            this.out = out;
        }

        @Override
        public void write(char[] buf, int off, int len) throws IOException {
            StringBuilder b = new StringBuilder(len + 8);
            if (pending != 0) {
                b.append(pending);
                pending = 0;
            }
            b.append(buf, off, len);
            if (b.length() > 0 && Character.isHighSurrogate(b.charAt(b.length() - 1))) {
                pending = b.charAt(b.length() - 1);
                b.setLength(b.length() - 1);
            }
            String text = b.toString();
            StringBuilder safe = new StringBuilder(text.length() + 8);
            int start = 0;
            for (int i = 0; i <= text.length(); i++) {
                if (i == text.length() || text.charAt(i) == '\n') {
                    boolean crlf = i > start && text.charAt(i - 1) == '\r'; // println's line break on Windows
                    SafeText.appendVisible(safe, text, start, crlf ? i - 1 : i);
                    if (i < text.length()) {
                        safe.append(crlf ? "\r\n" : "\n");
                    }
                    start = i + 1;
                }
            }
            out.write(safe.toString());
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
