package dev.bklint.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The only program bklint runs: {@code git ls-files}, to list a folder's files the way git sees them. The scanned
 * repository's own configuration must not run anything, so every setting through which git starts a program
 * during {@code ls-files} is overridden on the command line (which wins over the repository's config), paging and
 * prompts are off, stdin is closed, the output is capped and git gets a few seconds before it is killed.
 */
final class Git {
    /** More than the listing of any real repository; a bigger answer falls back to walking the folder. */
    static final int MAX_OUTPUT = 64 * 1024 * 1024;
    static final long TIMEOUT_SECONDS = 10;

    /** The settings that would let {@code .git/config} run a command or feed git crafted cached state. */
    static final List<String> NEUTRAL_CONFIG = List.of(
            "core.fsmonitor=false",         // a hook the repository names, run whenever the index is read
            "core.hooksPath=/dev/null",     // no hook of the repository's, should any command look for one
            "core.untrackedCache=false",    // do not trust the repository's cached view of untracked files
            "core.pager=cat");              // with --no-pager: never the repository's pager

    /** Variables that would point git at another repository, index or work tree than the folder's own. */
    private static final List<String> LOCATION_VARIABLES = List.of("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE",
            "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_COMMON_DIR", "GIT_NAMESPACE");

    private Git() {
    }

    /** The command bklint runs for a folder (documented in docs/bad-input.md). */
    static List<String> lsFilesCommand(Path dir) {
        List<String> command = new ArrayList<>(List.of("git", "--no-pager"));
        for (String setting : NEUTRAL_CONFIG) {
            command.add("-c");
            command.add(setting);
        }
        command.addAll(List.of("-C", dir.toString(), "ls-files", "-z", "--cached", "--others", "--exclude-standard",
                "--", "."));
        return command;
    }

    /** The NUL-separated listing, or null when git is missing, fails, takes too long or says too much. */
    static byte[] lsFiles(Path dir) {
        ProcessBuilder builder = new ProcessBuilder(lsFilesCommand(dir)).redirectError(ProcessBuilder.Redirect.DISCARD);
        Map<String, String> env = builder.environment();
        LOCATION_VARIABLES.forEach(env::remove);
        env.put("GIT_TERMINAL_PROMPT", "0");
        env.put("GIT_OPTIONAL_LOCKS", "0"); // a listing must not write the repository's index
        Process git;
        try {
            git = builder.start();
        } catch (IOException e) {
            return null;
        }
        try {
            git.getOutputStream().close();
            OutputReader reader = new OutputReader(git.getInputStream());
            reader.start();
            if (!git.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                return null;
            }
            reader.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
            byte[] out = reader.bytes;
            return git.exitValue() == 0 && out != null && out.length <= MAX_OUTPUT ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            git.destroyForcibly();
        }
    }

    /** Drains git's output beside the wait, so a slow or stuck git cannot block bklint past the timeout. */
    private static final class OutputReader extends Thread {
        private final InputStream in;
        private volatile byte[] bytes;

        OutputReader(InputStream in) {
            super("bklint-git-output");
            this.in = in;
            setDaemon(true);
        }

        @Override
        public void run() {
            try (in) {
                bytes = in.readNBytes(MAX_OUTPUT + 1);
            } catch (IOException e) {
                bytes = null;
            }
        }
    }
}
