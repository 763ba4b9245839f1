package io.thermocarry.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code thermocarry} command line: wiring only. */
@Command(name = "thermocarry", mixinStandardHelpOptions = true, version = "thermocarry 0.1.0",
        description = "Funding-carry regime and sizing engine for Binance spot/perp pairs.",
        subcommands = {})
public final class Main implements Runnable {
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns the exit code (0 done, 1 job failed, 2 usage error). */
    public static int run(String... args) {
        return new CommandLine(new Main()).execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
