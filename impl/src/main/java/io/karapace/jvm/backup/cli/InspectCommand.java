package io.karapace.jvm.backup.cli;

import io.karapace.jvm.backup.Backup;
import io.karapace.jvm.backup.Inspection;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code backup inspect}: prints what the backup says of itself, as JSON. */
@Command(name = "inspect", mixinStandardHelpOptions = true, description = "Print a backup's metadata as JSON.")
final class InspectCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--location", required = true, paramLabel = "PATH", description = "The backup.")
    private Path location;

    @Override
    public Integer call() throws Exception {
        spec.commandLine().getOut().println(Inspection.toJson(Backup.open(location)));
        return 0;
    }
}
