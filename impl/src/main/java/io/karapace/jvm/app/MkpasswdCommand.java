package io.karapace.jvm.app;

import io.karapace.jvm.auth.HashAlgorithm;
import io.karapace.jvm.auth.UserEntry;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code karapace-jvm mkpasswd -u USER [-a sha1|sha256|sha512|scrypt] PASSWORD [SALT]}: prints a
 * {@code users} entry for {@code registry_authfile}, as Karapace's {@code karapace_mkpasswd} does
 * (Karapace 3.9.0 karapace/auth.py main; API.md F).
 */
@Command(name = "mkpasswd", description = "Karapace password hasher: prints a user entry for registry_authfile.",
        sortOptions = false)
final class MkpasswdCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Option(names = {"-u", "--user"}, paramLabel = "USER", description = "Username.")
    private String user;

    @Option(names = {"-a", "--algorithm"}, paramLabel = "ALGORITHM", defaultValue = "sha512",
            description = "Hash algorithm: sha1, sha256, sha512 or scrypt (default: ${DEFAULT-VALUE}).")
    private String algorithm;

    @Parameters(index = "0", paramLabel = "PASSWORD", description = "Password to hash.")
    private String password;

    @Parameters(index = "1", arity = "0..1", paramLabel = "SALT",
            description = "Salt for hashing; 16 random bytes, url-safe base64, when not given.")
    private String salt;

    /** Runs the command line; returns the process exit code (0, or 2 for a usage error). */
    static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine line = new CommandLine(new MkpasswdCommand()).setCommandName("karapace-jvm mkpasswd");
        line.setOut(out);
        line.setErr(err);
        return line.execute(args);
    }

    @Override
    public Integer call() {
        HashAlgorithm chosen = HashAlgorithm.byFileName(algorithm).orElseThrow(() ->
                new CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '--algorithm': '"
                        + algorithm + "' is not one of " + Arrays.stream(HashAlgorithm.values())
                        .map(HashAlgorithm::fileName).collect(Collectors.joining(", "))));
        PrintWriter out = spec.commandLine().getOut();
        out.println(UserEntry.create(user, chosen, password, salt).toJson());
        out.flush();
        return 0;
    }
}
