package io.karapace.jvm.backup.cli;

import io.karapace.jvm.backup.BackupException;
import io.karapace.jvm.config.ConfigException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code karapace-jvm backup get|restore|inspect|verify}: Karapace's {@code karapace_schema_backup}
 * (API.md D.4). Exit codes: 0 done, 1 a config, Kafka or file-system error, 2 a usage error (picocli),
 * 3 a backup that cannot be read (Karapace backup/cli.py exits 3 on data errors).
 */
@Command(name = "backup", description = "Backs up and restores the schemas topic in Karapace's backup formats.",
        mixinStandardHelpOptions = false, synopsisSubcommandLabel = "(get | restore | inspect | verify)",
        subcommands = {GetCommand.class, RestoreCommand.class, InspectCommand.class, VerifyCommand.class,
            CommandLine.HelpCommand.class})
public final class BackupCommand implements Runnable {
    static final int BAD_BACKUP = 3;
    static final int FAILED = 1;

    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    final Map<String, String> env;

    private BackupCommand(Map<String, String> env) {
        this.env = env;
    }

    /** Runs the command line with {@code env} as the KARAPACE_* environment; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env) {
        CommandLine line = new CommandLine(new BackupCommand(env)).setCommandName("karapace-jvm backup");
        line.setOut(out);
        line.setErr(err);
        line.setExecutionExceptionHandler((e, cmd, parsed) -> failed(e, cmd.getErr()));
        int code = line.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing sub-command: get, restore, inspect or verify");
    }

    private static int failed(Exception e, PrintWriter err) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof BackupException) {
            err.println("karapace-jvm backup: bad backup: " + cause.getMessage());
            return BAD_BACKUP;
        }
        if (cause instanceof ConfigException || cause instanceof FileAlreadyExistsException
                || cause instanceof IllegalStateException) {
            err.println("karapace-jvm backup: " + cause.getMessage());
            return FAILED;
        }
        err.println("karapace-jvm backup: " + cause.getClass().getSimpleName() + ": " + cause.getMessage());
        return FAILED;
    }
}
