package io.thermocarry.app;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code thermocarry} command line (CLI.md): wiring only. */
@Command(name = "thermocarry", mixinStandardHelpOptions = true, version = "thermocarry 0.1.0",
        description = "Funding-carry regime and sizing engine for Binance spot/perp pairs.",
        subcommands = {IngestCommand.class, InfoCommand.class, CyclesCommand.class, SignalsCommand.class,
                BacktestCommand.class, ExecuteCommand.class, SimulateCommand.class, PhysicsCommand.class,
                ParquetCommand.Export.class, ParquetCommand.Import.class, EvaluateCommand.class, ReportCommand.class,
                DemoCommand.class, DownloadCommand.class, SweepCommand.class, BenchCommand.class,
                PortfolioCommand.class, FeaturesCommand.class, MarginCommand.class, LiveCommand.class})
public final class Main implements Runnable {
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns the exit code: 0 done, 1 job failed, 2 usage error. */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(Main::handle);
        return cl.execute(args);
    }

    private static int handle(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        if (ex instanceof UsageError) {
            err.println("thermocarry " + cmd.getCommandName() + ": " + ex.getMessage());
            err.println("Try 'thermocarry " + cmd.getCommandName() + " --help'.");
            return 2;
        }
        String msg = ex instanceof JobFailed || ex instanceof io.thermocarry.store.StoreException ? ex.getMessage()
                : ex.getClass().getSimpleName() + ": " + ex.getMessage();
        err.println("thermocarry " + cmd.getCommandName() + ": " + msg);
        if (Boolean.getBoolean("thermocarry.trace") || System.getenv("THERMOCARRY_TRACE") != null) {
            ex.printStackTrace(err);
        }
        err.flush();
        return 1;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
