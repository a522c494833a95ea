package ca.scalloy.cli;

import java.io.PrintStream;
import java.io.PrintWriter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import ca.scalloy.engine.DecimalText;

/**
 * The headless command line: {@code scalloy <command> …}. Needs no display.
 *
 * <p>Exit codes are a contract: 0 done, 2 invalid input (one line naming the file, field and
 * value; never a stack trace), 3 a target that no charge can meet, 1 an internal failure.
 */
@Command(name = "scalloy", mixinStandardHelpOptions = true, versionProvider = ScalloyCli.Version.class,
        description = "Scandium-aluminium master-alloy workbench, headless commands.",
        subcommands = {BatchCommand.class, TrimCommand.class, PropertiesCommand.class, SolvusCommand.class, ScheilCommand.class, AgeingCommand.class,
            EquilibriumCommand.class, SheetCommand.class,
            ComplianceCommand.class, MaterialsCommand.class, SpecsCommand.class, RecipesCommand.class, DbCommand.class,
            ImportCommand.class, ExportCommand.class, LotsCommand.class, HeatsCommand.class, AuditCommand.class,
            CertificateCommand.class, SettingsCommand.class})
public final class ScalloyCli {

    /** The log file only: the terminal gets the command's own messages. */
    private static final Logger LOG = LoggerFactory.getLogger(ScalloyCli.class);

    /** Exit status: done. */
    public static final int OK = 0;
    /** Exit status: an internal failure (a bug). */
    public static final int INTERNAL_ERROR = 1;
    /** Exit status: invalid input. */
    public static final int INVALID_INPUT = 2;
    /** Exit status: the target cannot be met. */
    public static final int INFEASIBLE = 3;

    private ScalloyCli() {
    }

    /** How long a finished command lets the exit hooks run before the process ends anyway, ms. */
    static final long EXIT_PATIENCE_MS = 15_000;

    public static void main(String[] args) {
        exitWithin(run(args, System.out, System.err), EXIT_PATIENCE_MS);
    }

    /**
     * Ends the process with {@code status}, and if its exit hooks have not finished after {@code patienceMs},
     * halts it with the same status. The embedded database's own hook closes a file this process still
     * serves to other processes, and has been seen spinning there for good (H2's
     * MVStore.registerVersionUsage, once in six processes writing one file): by then the command's work
     * is committed and synced, and the other processes take the file over as after any handover.
     */
    static void exitWithin(int status, long patienceMs) {
        System.out.flush();
        System.err.flush();
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(patienceMs);
            } catch (InterruptedException e) {
                return;
            }
            Runtime.getRuntime().halt(status);
        }, "exit watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        System.exit(status);
    }

    /** The environment of the run in progress on this thread (the process's, unless a caller gave another). */
    private static final ThreadLocal<java.util.Map<String, String>> ENVIRONMENT = ThreadLocal.withInitial(System::getenv);

    /** The environment variables the commands read (SCALLOY_DB_PASSWORD, SCALLOY_DB_URL, …). */
    static java.util.Map<String, String> environment() {
        return ENVIRONMENT.get();
    }

    /** Runs a command line and returns its exit status; output and errors go to the given streams. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, System.getenv());
    }

    /**
     * As {@link #run(String[], PrintStream, PrintStream)} with {@code environment} in place of the
     * process's environment variables (a caller in the same process, such as a test, cannot set those).
     */
    static int run(String[] args, PrintStream out, PrintStream err, java.util.Map<String, String> environment) {
        ENVIRONMENT.set(java.util.Map.copyOf(environment));
        try {
            return execute(args, out, err);
        } finally {
            ENVIRONMENT.remove();
        }
    }

    private static int execute(String[] args, PrintStream out, PrintStream err) {
        PrintWriter o = new PrintWriter(out, true);
        PrintWriter e = new PrintWriter(err, true);
        CommandLine cmd = new CommandLine(new ScalloyCli());
        cmd.setOut(o);
        cmd.setErr(e);
        // Numbers on the command line are plain decimals: no hexadecimal floating point, nothing that overflows to infinity.
        CommandLine.ITypeConverter<Double> decimal = text -> {
            String problem = DecimalText.problem(text);
            if (problem != null) {
                throw new CommandLine.TypeConversionException(problem);
            }
            return Double.parseDouble(text.strip());
        };
        cmd.registerConverter(Double.class, decimal);
        cmd.registerConverter(Double.TYPE, decimal);
        cmd.setParameterExceptionHandler((ex, a) -> {
            // One line: what is wrong, then where to read the options.
            e.println("scalloy: " + ex.getMessage().strip().replace('\n', ' ') + " (run 'scalloy "
                    + (ex.getCommandLine().getCommandName().equals("scalloy") ? "" : ex.getCommandLine().getCommandName() + " ")
                    + "--help' for the options)");
            return INVALID_INPUT;
        });
        cmd.setExecutionExceptionHandler((ex, c, p) -> {
            LOG.error("internal error in scalloy {}", c.getCommandName(), ex);
            e.println("scalloy: internal error: " + ex + " (please report it with the input that caused it)");
            return INTERNAL_ERROR;
        });
        int code = cmd.execute(args);
        LOG.info("scalloy {} ended with exit code {}", commandNames(cmd.getParseResult()), code);
        o.flush();
        e.flush();
        return code;
    }

    /** "heats move": the (sub)command names a run chose, without its options or values; "" when it could not be parsed. */
    private static String commandNames(CommandLine.ParseResult parsed) {
        StringBuilder names = new StringBuilder();
        for (CommandLine.ParseResult p = parsed == null ? null : parsed.subcommand(); p != null; p = p.subcommand()) {
            names.append(names.length() == 0 ? "" : " ").append(p.commandSpec().name());
        }
        return names.toString();
    }

    /** The version from the jar's manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = ScalloyCli.class.getPackage().getImplementationVersion();
            return new String[] {"Scalloy " + (v == null ? "development build" : v)};
        }
    }
}
