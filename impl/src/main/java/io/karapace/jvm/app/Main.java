package io.karapace.jvm.app;

import io.karapace.jvm.backup.cli.BackupCommand;
import io.karapace.jvm.config.ConfigException;
import io.karapace.jvm.config.ConfigLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.apache.logging.log4j.jul.Log4jBridgeHandler;

/**
 * {@code java -jar karapace-jvm.jar [config.json]}: loads the config and runs until stopped;
 * {@code java -jar karapace-jvm.jar mkpasswd ...} hashes a password for {@code registry_authfile};
 * {@code java -jar karapace-jvm.jar backup ...} backs up and restores the schemas topic.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && "mkpasswd".equals(args[0])) {
            System.exit(MkpasswdCommand.run(Arrays.copyOfRange(args, 1, args.length),
                    new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
        }
        if (args.length > 0 && "backup".equals(args[0])) {
            System.exit(BackupCommand.run(Arrays.copyOfRange(args, 1, args.length),
                    new PrintWriter(System.out, true), new PrintWriter(System.err, true), System.getenv()));
        }
        // Jersey and Grizzly log through JUL: hand its records to log4j and copy log4j's levels into JUL,
        // so the many disabled FINE checks per request stay a field read.
        Log4jBridgeHandler.install(true, null, true);
        if (args.length > 1) {
            System.err.println("usage: java -jar karapace-jvm.jar [config.json] | mkpasswd [-h] ... | backup [-h] ...");
            System.exit(2);
        }
        ConfigLoader.Loaded loaded;
        try {
            loaded = ConfigLoader.load(Optional.ofNullable(args.length == 1 ? Path.of(args[0]) : null), System.getenv());
        } catch (ConfigException e) {
            System.err.println("karapace-jvm: " + e.getMessage());
            System.exit(1);
            return;
        }
        KarapaceServer server;
        try {
            server = KarapaceServer.start(loaded.config(), loaded.warnings());
        } catch (RuntimeException e) {
            System.err.println("karapace-jvm: cannot start: " + e.getMessage());
            System.exit(1);
            return;
        }
        StopOnSignal.install(server);
    }
}
