package dev.bklint;

import java.io.File;
import java.nio.file.Path;
import org.approvaltests.namer.ApprovalNamer;

/** Keeps a fixture's approved outputs beside it: {@code fires.yml} → {@code fires.approved.txt}. */
public final class FixtureNamer implements ApprovalNamer {
    private final Path fixture;

    public FixtureNamer(Path fixture) {
        this.fixture = fixture;
    }

    private String base() {
        String name = fixture.getFileName().toString();
        return name.substring(0, name.lastIndexOf('.'));
    }

    @Override
    public File getApprovedFile(String extensionWithDot) {
        return fixture.resolveSibling(base() + ".approved" + extensionWithDot).toFile();
    }

    @Override
    public File getReceivedFile(String extensionWithDot) {
        return fixture.resolveSibling(base() + ".received" + extensionWithDot).toFile();
    }

    @Override
    public ApprovalNamer addAdditionalInformation(String info) {
        return this;
    }

    @Override
    public String getAdditionalInformation() {
        return "";
    }

    @Override
    public String getApprovalName() {
        return base();
    }

    @Override
    public String getSourceFilePath() {
        return fixture.getParent().toAbsolutePath() + File.separator;
    }
}
