package dev.bklint.buildkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BuildctlCommandTest {

    private static BuildctlCommand buildctl(String script) {
        List<SimpleCommand> commands = ShellParser.parse(script);
        assertEquals(1, commands.size(), () -> "commands of: " + script);
        return BuildctlCommand.of(commands.get(0)).orElseThrow();
    }

    private static List<String> values(List<Flag> flags) {
        return flags.stream().map(Flag::value).toList();
    }

    @Test
    void guideCommand() {
        String script = ShellParserTest.GUIDE;
        BuildctlCommand command = buildctl(script);

        assertEquals(Launcher.DAEMONLESS, command.launcher());
        assertEquals("buildctl-daemonless.sh", command.programWord().value());
        assertEquals("build", command.subcommandName());
        assertEquals(script.indexOf("build \\"), command.subcommand().start());
        assertEquals("dockerfile.v0", command.flag("frontend").value());
        assertEquals(List.of("context=.", "dockerfile=."), values(command.flags("local")));
        assertEquals("filename=Dockerfile", command.flag("opt").value());
        assertTrue(command.globalFlags().isEmpty());
        assertTrue(command.positionals().isEmpty());

        Flag progress = command.flag("progress");
        assertEquals("plain", progress.value());
        assertEquals("--progress", progress.written());
        assertSame(progress.word(), progress.valueWord());
        assertEquals(script.indexOf("--progress=plain"), progress.word().start());
        assertEquals(script.indexOf("--progress=plain") + "--progress=plain".length(), progress.word().end());
        assertEquals(script.indexOf("plain"), progress.valueStart());

        Flag frontend = command.flag("frontend");
        assertEquals(script.indexOf("dockerfile.v0"), frontend.valueStart());
        assertEquals(frontend.valueStart(), frontend.valueWord().start());
        assertTrue(frontend.known());
        assertFalse(frontend.global());
        assertTrue(frontend.afterSubcommand());
    }

    @Test
    void globalFlagAfterSubcommandIsMarked() {
        BuildctlCommand command = buildctl("buildctl build --debug --frontend dockerfile.v0 --addr tcp://x:1");
        Flag debug = command.flag("debug");
        assertTrue(debug.global());
        assertTrue(debug.afterSubcommand());
        assertTrue(debug.known());
        assertNull(debug.value());
        assertEquals("dockerfile.v0", command.flag("frontend").value());
        Flag addr = command.flag("addr");
        assertEquals("tcp://x:1", addr.value());
        assertTrue(addr.global() && addr.afterSubcommand());
        assertEquals(List.of(debug, addr), command.globalFlags());
    }

    @Test
    void globalFlagsBeforeSubcommand() {
        String script = "buildctl --addr tcp://x:1234 --debug=true -tlsdir /certs build --frontend dockerfile.v0";
        BuildctlCommand command = buildctl(script);
        assertEquals(Launcher.BUILDCTL, command.launcher());
        assertEquals("build", command.subcommandName());
        assertEquals(List.of("addr", "debug", "tlsdir"), command.globalFlags().stream().map(Flag::name).toList());
        Flag addr = command.flag("addr");
        assertEquals("tcp://x:1234", addr.value());
        assertFalse(addr.afterSubcommand());
        assertEquals(script.indexOf("tcp://"), addr.valueStart());
        assertEquals("true", command.flag("debug").value());
        assertEquals("-tlsdir", command.flag("tlsdir").written());
        assertEquals(script.indexOf(" build ") + 1, command.subcommand().start());
    }

    @Test
    void shortAliasForBuild() {
        BuildctlCommand command = buildctl("buildctl b --frontend dockerfile.v0");
        assertEquals("b", command.subcommand().value());
        assertEquals("build", command.subcommandName());
        assertTrue(command.isBuild());
        assertTrue(command.flag("frontend").known());
    }

    @Test
    void shortOutputFlag() {
        String script = "buildctl build -o type=image,name=x,push=true";
        Flag output = buildctl(script).flag("output");
        assertEquals("-o", output.written());
        assertEquals("type=image,name=x,push=true", output.value());
        assertEquals(script.indexOf("type="), output.valueStart());
        assertTrue(output.known());
        CsvOptions options = CsvOptions.parse(output.value());
        assertEquals("x", options.get("name"));
        assertEquals("true", options.get("push"));
    }

    @Test
    void lastSingleValuedFlagWins() {
        BuildctlCommand command = buildctl("buildctl build --progress tty --progress=plain");
        assertEquals("plain", command.flag("progress").value());
        assertEquals(2, command.flags("progress").size());
        assertTrue(command.hasFlag("progress"));
        assertFalse(command.hasFlag("output"));
        assertNull(command.flag("output"));
    }

    @Test
    void foreignFlagsTakeAValueOnlyWhenTheyNeedOne() {
        BuildctlCommand command = buildctl(
                "buildctl build --tag x -t y --push --file=Dockerfile --load --platform linux/amd64 --target -x .");
        Flag tag = command.flags().get(0);
        assertEquals("tag", tag.name());
        assertEquals("x", tag.value());
        assertFalse(tag.known());
        Flag t = command.flags().get(1);
        assertEquals("t", t.name());
        assertEquals("-t", t.written());
        assertEquals("y", t.value());
        assertFalse(t.known());
        Flag push = command.flag("push");
        assertFalse(push.known());
        assertNull(push.value());
        assertEquals("Dockerfile", command.flag("file").value());
        assertNull(command.flag("load").value());
        assertEquals("linux/amd64", command.flag("platform").value());
        assertNull(command.flag("target").value(), "a value starting with '-' is a flag, not a value");
        assertFalse(command.flag("x").known());
        assertEquals(List.of("."), command.positionals().stream().map(Word::value).toList());
    }

    @Test
    void knownValueFlagTakesTheNextWordEvenIfItLooksLikeAFlag() {
        BuildctlCommand command = buildctl("buildctl build --ref-file --frontend");
        assertEquals("--frontend", command.flag("ref-file").value());
        assertFalse(command.hasFlag("frontend"));
    }

    @Test
    void doubleDashEndsFlags() {
        BuildctlCommand command = buildctl("buildctl build --no-cache -- --opt x");
        assertTrue(command.hasFlag("no-cache"));
        assertFalse(command.hasFlag("opt"));
        assertEquals(List.of("--opt", "x"), command.positionals().stream().map(Word::value).toList());
    }

    @Test
    void buildOnlyFlagBeforeSubcommandIsUnknown() {
        BuildctlCommand command = buildctl("buildctl --frontend dockerfile.v0 build");
        Flag frontend = command.flags().get(0);
        assertFalse(frontend.known());
        assertFalse(frontend.global());
        assertEquals("dockerfile.v0", command.subcommand().value(), "buildctl itself would read it this way");
    }

    @Test
    void otherSubcommandsAndHelp() {
        BuildctlCommand prune = buildctl("buildctl prune --keep-storage 1000 -h");
        assertEquals("prune", prune.subcommandName());
        assertFalse(prune.flag("keep-storage").known());
        assertTrue(prune.flag("help").known());
        assertFalse(prune.flag("help").global());
        BuildctlCommand version = buildctl("buildctl -v");
        assertNull(version.subcommand());
        assertEquals("version", version.flag("version").name());
    }

    @Test
    void dockerBuildIsNotBuildctl() {
        assertEquals(Optional.empty(), BuildctlCommand.of(ShellParser.parse("docker build -t x .").get(0)));
        assertEquals(Optional.empty(), BuildctlCommand.of(ShellParser.parse("echo \"buildctl build\"").get(0)));
        assertEquals(Optional.empty(), BuildctlCommand.of(ShellParser.parse("A=buildctl").get(0)));
    }

    @Test
    void buildctlInsideIfIsFound() {
        List<SimpleCommand> commands = ShellParser.parse(
                "if buildctl build --frontend dockerfile.v0 --local context=.; then echo ok; fi");
        BuildctlCommand command = BuildctlCommand.of(commands.get(0)).orElseThrow();
        assertEquals("build", command.subcommandName());
        assertEquals("context=.", command.flag("local").value());
        assertTrue(BuildctlCommand.of(commands.get(1)).isEmpty());
    }

    @Test
    void quotedValueOffsetsAreExactWithTheScript() {
        String text = "buildctl build \"--opt=build-arg:A=1\" --output 'type=image,name=x'";
        ShellScript script = new ShellScript(text);
        BuildctlCommand command = BuildctlCommand.of(script.commands().get(0), script).orElseThrow();
        assertEquals(text.indexOf("build-arg"), command.flag("opt").valueStart());
        assertEquals(text.indexOf("type="), command.flag("output").valueStart());

        BuildctlCommand approximate = BuildctlCommand.of(script.commands().get(0)).orElseThrow();
        Flag opt = approximate.flag("opt");
        assertTrue(opt.valueStart() >= opt.word().start() && opt.valueStart() <= opt.word().end());
    }

    @Test
    void flagKindsAsBuildGoDefinesThem() {
        // build.go:107-122 at moby/buildkit 73ed6825c4b7: proxy-network is a BoolFlag, debug-json-cache-metrics a
        // StringFlag, so `--proxy-network --local context=.` keeps --local a flag.
        BuildctlCommand c = buildctl("buildctl build --proxy-network --local context=. --debug-json-cache-metrics stderr");
        assertNull(c.flag("proxy-network").value());
        assertEquals(List.of("context=."), values(c.flags("local")));
        assertEquals("stderr", c.flag("debug-json-cache-metrics").value());
    }

    @Test
    void removedFlagsKeepTheirValues() {
        BuildctlCommand c = buildctl("buildctl build --exporter image --exporter-opt name=app --frontend-opt target=x");
        assertEquals("image", c.flag("exporter").value());
        assertEquals("name=app", c.flag("exporter-opt").value());
        assertEquals("target=x", c.flag("frontend-opt").value());
        assertFalse(c.flag("exporter").known());
    }
}
