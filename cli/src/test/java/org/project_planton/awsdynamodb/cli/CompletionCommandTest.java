package org.project_planton.awsdynamodb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The completion scripts, run by the real shells: what a TAB after a partial word offers. */
@Timeout(60)
class CompletionCommandTest {
    @TempDir
    Path dir;

    @Test
    void bashCompletesCommandsSubcommandsOptionsAndEnumValues() throws Exception {
        Path script = script("bash");
        assertEquals(List.of("validate"), bashComplete(script, "project-planton", "val"));
        assertTrue(bashComplete(script, "project-planton", "pulumi", "").containsAll(List.of("preview", "update", "refresh", "destroy")));
        assertEquals(List.of("text", "json", "sarif"), bashComplete(script, "project-planton", "validate", "-o", ""));
        assertTrue(bashComplete(script, "project-planton", "validate", "--").containsAll(List.of("--manifest", "--output", "--help")));
        assertEquals(List.of("bash", "zsh"), bashComplete(script, "project-planton", "completion", ""));
    }

    @Test
    void zshLoadsTheScriptThroughBashcompinit() throws Exception {
        assumeTrue(onPath("zsh"), "zsh is not installed");
        Path script = script("zsh");
        // zsh -f: no user rc files; the script itself loads compinit and bashcompinit and registers
        // its function, which zsh's _bash_complete then runs in sh emulation, as done here.
        String registered = run(List.of("zsh", "-f", "-c", "source " + script + " && print -r -- ${_comps[project-planton]}"));
        assertEquals("_bash_complete -F _complete_project-planton -o default", registered.strip());
        String offered = run(List.of("zsh", "-f", "-c", "source " + script + "; emulate -L sh; setopt kshglob noshglob braceexpand;"
                + " COMP_WORDS=(project-planton validate -o ''); COMP_CWORD=3; COMP_LINE=\"${COMP_WORDS[*]}\"; COMP_POINT=${#COMP_LINE};"
                + " _complete_project-planton; printf '%s\\n' \"${COMPREPLY[@]}\""));
        assertEquals(List.of("text", "json", "sarif"), offered.lines().toList());
    }

    @Test
    void anUnknownShellIsAUsageError() {
        CliRun run = CliRun.of("completion", "fish");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("bash, zsh"), run.err());
    }

    private Path script(String shell) throws IOException {
        CliRun run = CliRun.of("completion", shell);
        assertEquals(0, run.exitCode(), run.err());
        return Files.writeString(dir.resolve("completion." + shell), run.out());
    }

    /** The words bash's completion function offers for the command line {@code words}, the last being completed. */
    private List<String> bashComplete(Path script, String... words) throws Exception {
        assumeTrue(onPath("bash"), "bash is not installed");
        StringBuilder array = new StringBuilder();
        for (String word : words) {
            array.append('\'').append(word).append("' ");
        }
        String command = "source " + script + "; COMP_WORDS=(" + array + "); COMP_CWORD=" + (words.length - 1)
                + "; COMP_LINE=\"${COMP_WORDS[*]}\"; COMP_POINT=${#COMP_LINE}; _complete_project-planton; printf '%s\\n' \"${COMPREPLY[@]}\"";
        return run(List.of("bash", "--norc", "--noprofile", "-c", command)).lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private String run(List<String> command) throws Exception {
        Path errors = dir.resolve("shell.err");
        Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the shell did not finish");
        assertEquals(0, process.exitValue(), Files.readString(errors));
        return out;
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && List.of(path.split(java.io.File.pathSeparator)).stream().anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }
}
