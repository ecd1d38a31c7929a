package io.karapace.jvm.backup.cli;

import io.karapace.jvm.backup.Backup;
import io.karapace.jvm.backup.Verification;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code backup verify}: one line per data file, as Karapace prints them (backup/api.py verify). */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Check a backup's integrity without restoring it.")
final class VerifyCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--location", required = true, paramLabel = "PATH", description = "The backup.")
    private Path location;

    @Option(names = "--level", required = true, paramLabel = "file|record",
            description = "file: data file checksums only; record: also parse every record, count and offset.")
    private String level;

    @Override
    public Integer call() throws Exception {
        Verification.Level chosen = switch (level.toLowerCase(Locale.ROOT)) {
            case "file" -> Verification.Level.FILE;
            case "record" -> Verification.Level.RECORD;
            default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "Invalid value for option '--level': '" + level + "' is not one of file, record");
        };
        List<Verification.Result> results = Verification.verify(Backup.open(location), chosen);
        return report(results, spec.commandLine().getOut());
    }

    private static int report(List<Verification.Result> results, PrintWriter out) {
        for (Verification.Result result : results) {
            out.println("Integrity of " + result.filename() + " is " + (result.intact() ? "intact." : "not intact!"));
            if (!result.intact()) {
                out.println("    " + result.problem());
            }
        }
        if (results.stream().allMatch(Verification.Result::intact)) {
            out.println("Verified " + results.size() + " data files in backup OK.");
            return 0;
        }
        out.println("Failed to verify integrity of some data files.");
        return BackupCommand.BAD_BACKUP;
    }
}
