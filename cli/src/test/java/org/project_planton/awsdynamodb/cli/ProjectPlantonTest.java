package org.project_planton.awsdynamodb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

/** Only the subcommand a command line names is built; help and mistakes still see all of them. */
class ProjectPlantonTest {

    @Test
    void aNamedSubcommandIsTheOnlyOneBuilt() {
        assertEquals(List.of(ValidateCommand.class), ProjectPlanton.subcommandsFor(new String[] {"validate", "-m", "x.yaml"}));
        assertEquals(List.of(PlanCommand.class), ProjectPlanton.subcommandsFor(new String[] {"plan", "--help"}));
    }

    @Test
    void helpNoSubcommandOrAWrongOneGetsThemAll() {
        for (String[] args : List.of(new String[] {}, new String[] {"--help"}, new String[] {"help", "plan"}, new String[] {"valdate"})) {
            assertEquals(ProjectPlanton.SUBCOMMANDS, ProjectPlanton.subcommandsFor(args));
        }
    }

    @Test
    void topLevelHelpListsEverySubcommand() {
        CliRun run = CliRun.of("--help");

        assertEquals(0, run.exitCode(), run.err());
        for (Class<?> subcommand : ProjectPlanton.SUBCOMMANDS) {
            String name = subcommand.getAnnotation(Command.class).name();
            // a subcommand with aliases is listed as "load-manifest (load)"
            assertTrue(run.out().lines().map(String::trim).anyMatch(line -> line.startsWith(name + " ")),
                    name + " missing from:\n" + run.out());
        }
    }

    @Test
    void helpForASubcommandAndASubcommandsOwnHelpAreTheSame() {
        CliRun viaHelp = CliRun.of("help", "plan");
        CliRun own = CliRun.of("plan", "--help");

        assertEquals(0, viaHelp.exitCode(), viaHelp.err());
        assertTrue(own.out().startsWith("Usage: project-planton plan "), own.out());
        assertEquals(own.out(), viaHelp.out());
    }

    @Test
    void aMistypedSubcommandIsAUsageErrorThatSuggestsTheRightOne() {
        CliRun run = CliRun.of("valdate", "-m", "x.yaml");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("validate"), run.err());
    }
}
