package io.thermocarry.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Every subcommand's help renders: picocli treats descriptions as format strings, so a bare "%" breaks them. */
class HelpTextTest {

    static Stream<String> subcommands() {
        return List.copyOf(new CommandLine(new Main()).getSubcommands().keySet()).stream();
    }

    @ParameterizedTest
    @MethodSource("subcommands")
    void help_rendersWithoutAFormatWarning(String name) {
        Cli.Result r = Cli.run(name, "--help");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("Usage: thermocarry " + name), r.out());
        assertFalse(r.err().contains("WARN"), r.err());
        assertFalse(r.out().contains("Could not format"), r.out());
    }
}
