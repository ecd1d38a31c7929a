package io.karapace.jvm.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** GETs of a schema by id and of a subject's latest version, against nginx serving the same bodies. */
final class RegistryReads implements Scenario {
    private static final String SUBJECT = "bench-read";
    private static final List<Integer> CONNECTIONS = List.of(1, 15, 50);
    static final String SCHEMA = "{\"type\":\"record\",\"name\":\"BenchRead\",\"namespace\":\"io.karapace.bench\","
            + "\"fields\":[{\"name\":\"id\",\"type\":\"long\"},{\"name\":\"name\",\"type\":\"string\"},"
            + "{\"name\":\"tags\",\"type\":{\"type\":\"array\",\"items\":\"string\"}},"
            + "{\"name\":\"score\",\"type\":[\"null\",\"double\"],\"default\":null}]}";

    @Override
    public String name() {
        return "reads";
    }

    @Override
    public String title() {
        return "Registry reads";
    }

    @Override
    public String method() {
        return "wrk, keep-alive connections, " + CONNECTIONS + " connections. Reference: nginx (1 worker) serving the "
                + "byte-identical response body as a static file on the same machine: the HTTP floor.";
    }

    @Override
    public void run(Bench bench, Report.Section section) throws Exception {
        KarapaceProcess server = bench.sharedServer();
        Http http = new Http(server.baseUri());
        int id = http.post("/subjects/" + SUBJECT + "/versions", Http.REGISTRY_JSON, Map.of("schema", SCHEMA))
                .expect(200, "registering the read schema").json().get("id").asInt();
        Map<String, String> paths = new LinkedHashMap<>();
        paths.put("GET /schemas/ids/{id}", "/schemas/ids/" + id);
        paths.put("GET /subjects/{s}/versions/latest", "/subjects/" + SUBJECT + "/versions/latest");
        Map<String, String> files = new LinkedHashMap<>();
        for (String path : paths.values()) {
            files.put(path, http.get(path, Http.REGISTRY_JSON).expect(200, "GET " + path).body());
        }
        Path dir = bench.workDir("nginx-reads");
        try (NginxFloor nginx = NginxFloor.start(bench.tools().nginx(), dir, new NginxFloor.Content(files, Map.of()))) {
            for (Map.Entry<String, String> entry : paths.entrySet()) {
                measure(bench, section, entry.getKey(), server.baseUri() + entry.getValue(),
                        nginx.baseUri() + entry.getValue());
            }
        }
    }

    private static void measure(Bench bench, Report.Section section, String figure, String serverUrl, String floorUrl)
            throws Exception {
        Wrk wrk = bench.wrk();
        int seconds = bench.options().seconds();
        bench.warmUp(Wrk.Request.get(serverUrl, Http.REGISTRY_JSON), 15);
        for (int connections : CONNECTIONS) {
            LoadResult result = wrk.run(Wrk.Request.get(serverUrl, Http.REGISTRY_JSON), figure, connections, seconds, 1);
            LoadResult floor = wrk.run(Wrk.Request.get(floorUrl, Http.REGISTRY_JSON), LatencyPlot.NGINX + figure, connections,
                    seconds, 1);
            section.compare(figure, result, "nginx static file", floor, "req/s");
            if (connections == 50 && figure.contains("/schemas/ids/")) {
                bench.report().target("`GET /schemas/ids/{id}` at 50 connections ≥ 50% of the nginx floor",
                        Report.ratio(result.ratioTo(floor)) + " of the floor", result.ratioTo(floor) >= 0.5);
            }
        }
    }
}
