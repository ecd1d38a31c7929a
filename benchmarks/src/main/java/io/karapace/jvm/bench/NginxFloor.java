package io.karapace.jvm.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * nginx in the foreground on a free loopback port, with its own config in a temporary directory, serving
 * given bodies as static files (GET) or as fixed answers (any method): the HTTP floor a server is compared to.
 * When run as root it drops to nobody with setpriv, so no process of it keeps root rights.
 */
public final class NginxFloor implements AutoCloseable {
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private final Process process;
    private final int port;

    private NginxFloor(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** A static file per GET path and a fixed 200 answer per POST path. */
    public record Content(java.util.Map<String, String> staticFiles, java.util.Map<String, String> fixedAnswers) {
    }

    public static NginxFloor start(Path nginx, Path dir, Content content) throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve("www"));
        Files.createDirectories(dir.resolve("tmp"));
        for (var file : content.staticFiles().entrySet()) {
            Path target = dir.resolve("www" + file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue());
        }
        int port = FreePorts.next();
        Path conf = dir.resolve("nginx.conf");
        Files.writeString(conf, config(dir, port, content));
        openToNobody(dir);
        List<String> command = new ArrayList<>();
        if (Tools.isRoot() && Tools.find("setpriv").isPresent()) {
            command.addAll(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"));
        }
        command.addAll(List.of(nginx.toString(), "-p", dir.toString(), "-e", dir.resolve("error.log").toString(),
                "-c", conf.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("nginx.out").toFile()).start();
        NginxFloor floor = new NginxFloor(process, port);
        floor.awaitAnswering(dir);
        return floor;
    }

    public String baseUri() {
        return "http://127.0.0.1:" + port;
    }

    private static String config(Path dir, int port, Content content) {
        StringBuilder locations = new StringBuilder();
        content.fixedAnswers().forEach((path, body) -> locations.append("    location = ").append(path)
                .append(" { return 200 '").append(body.replace("'", "\\'")).append("'; }\n"));
        String d = dir.toAbsolutePath().toString();
        return "worker_processes 1;\ndaemon off;\nmaster_process on;\npid " + d + "/nginx.pid;\n"
                + "error_log " + d + "/error.log warn;\n"
                + "events { worker_connections 4096; }\n"
                + "http {\n  access_log off;\n  keepalive_requests 100000000;\n  keepalive_timeout 120s;\n"
                + "  default_type " + CONTENT_TYPE + ";\n  types { }\n"
                + "  client_body_temp_path " + d + "/tmp/body;\n  proxy_temp_path " + d + "/tmp/proxy;\n"
                + "  fastcgi_temp_path " + d + "/tmp/fastcgi;\n  uwsgi_temp_path " + d + "/tmp/uwsgi;\n"
                + "  scgi_temp_path " + d + "/tmp/scgi;\n"
                + "  server {\n    listen 127.0.0.1:" + port + ";\n    root " + d + "/www;\n" + locations
                + "  }\n}\n";
    }

    private static void openToNobody(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
                        Files.isDirectory(path) ? "rwxrwxrwx" : "rw-rw-rw-"));
            }
        }
    }

    private void awaitAnswering(Path dir) throws InterruptedException {
        HttpClient client = Http.newClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx exited: " + readQuietly(dir.resolve("nginx.out"))
                        + readQuietly(dir.resolve("error.log")));
            }
            try {
                client.send(HttpRequest.newBuilder(URI.create(baseUri() + "/")).timeout(Duration.ofSeconds(1)).build(),
                        HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        close();
        throw new IllegalStateException("nginx did not answer on port " + port);
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        Processes.stop(process);
    }
}
