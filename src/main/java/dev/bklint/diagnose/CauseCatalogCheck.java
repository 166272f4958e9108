package dev.bklint.diagnose;

/**
 * Run by the build (the {@code cause-catalogue} execution in pom.xml, after compiling): loads the catalogue as
 * {@code bklint diagnose} will, so a cause file that does not parse, names an unknown field, section, selector, rule
 * or superseded cause, or has a pattern that does not compile or repeats an unbounded group without bound, fails the
 * build with one line naming the file, not a user's run.
 */
public final class CauseCatalogCheck {
    private CauseCatalogCheck() {
    }

    public static void main(String[] args) {
        try {
            CauseCatalog.get(); // silent when every file is sound, as a quiet build should be
        } catch (CauseCatalog.CauseFileError e) {
            System.err.println("bklint: " + e.getMessage());
            System.exit(1);
        }
    }
}
