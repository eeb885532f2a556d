package dev.mostread.bench;

import dev.mostread.bench.drain.DrainMain;
import dev.mostread.bench.drain.DrainResult;
import dev.mostread.loadgen.Preloader;
import dev.mostread.loadgen.Progress;
import dev.mostread.loadgen.TrafficModel;
import dev.mostread.loadgen.ViewGenerator;
import dev.mostread.shared.kafka.Json;
import dev.mostread.shared.kafka.Topics;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.Producer;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The benchmark: one run, one machine, every figure side by side (see {@code bench/run.sh} and
 * {@code docs/BENCHMARKS.md}).
 */
@Command(
        name = "mostread-bench",
        mixinStandardHelpOptions = true,
        description = "Drain, freshness, serving, scale and JMH benchmarks of mostread against its baselines.")
public final class BenchmarkRun implements Callable<Integer> {

    @Option(names = "--views", defaultValue = "5000000", description = "views preloaded per dataset")
    long views;

    @Option(names = "--scale-views", defaultValue = "1000000", description = "views preloaded per scale-curve dataset")
    long scaleViews;

    @Option(names = "--redis-seconds", defaultValue = "30", description = "how long the Redis reference runs at most")
    long redisSeconds;

    @Option(names = "--runs", defaultValue = "3", description = "runs per figure (the median is reported)")
    int runs;

    @Option(names = "--articles", defaultValue = "100000", description = "distinct articles of the main dataset")
    int articles;

    @Option(
            names = "--scale",
            split = ",",
            defaultValue = "1000,100000,1000000",
            description = "distinct articles of the scale curve")
    List<Integer> scale;

    @Option(
            names = "--threads",
            defaultValue = "2",
            description = "stream threads of every Kafka Streams subject (the ranker's default)")
    int threads;

    @Option(names = "--naive-seconds", defaultValue = "30", description = "how long the hopping-window baseline runs")
    long naiveSeconds;

    @Option(names = "--probes", defaultValue = "100", description = "freshness probes per run")
    int probes;

    @Option(
            names = "--background-rate",
            defaultValue = "0",
            description = "background views/s during freshness; 0: half the measured exactly-once drain rate")
    double backgroundRate;

    @Option(
            names = "--light-rate",
            defaultValue = "10000",
            description = "background views/s of a second freshness series (0: none)")
    double lightRate;

    @Option(names = "--wrk-seconds", defaultValue = "5", description = "length of each wrk run")
    long wrkSeconds;

    @Option(names = "--connections", split = ",", defaultValue = "8,32,128", description = "wrk connection counts")
    List<Integer> connections;

    @Option(names = "--jmh", defaultValue = "true", negatable = true, description = "run the JMH micro-benchmarks")
    boolean jmh;

    @Option(names = "--jmh-iterations", defaultValue = "3", description = "JMH measurement iterations")
    int jmhIterations;

    @Option(names = "--jmh-warmups", defaultValue = "2", description = "JMH warm-up iterations")
    int jmhWarmups;

    @Option(names = "--jmh-millis", defaultValue = "1000", description = "length of each JMH iteration")
    long jmhMillis;

    @Option(names = "--standalone-jar", defaultValue = "services/standalone/target/mostread-standalone.jar")
    Path standaloneJar;

    @Option(names = "--out", defaultValue = "docs", description = "where BENCHMARKS.md and benchmarks.json go")
    Path out;

    @Option(
            names = "--only",
            split = ",",
            description = "run only these parts: drain, naive, redis, scale, fresh (freshness and serving)")
    List<String> only = List.of();

    @Option(
            names = "--subjects",
            split = ",",
            description = "drain only these subjects (plain-consumer, mostread-eos, ...)")
    List<String> subjects = List.of();

    @Option(
            names = "--streams-config",
            description = "extra Kafka Streams properties for mostread's drains, k=v;k=v (experiments)")
    String streamsConfig;

    @Option(
            names = "--drain-jvm-option",
            description =
                    "an extra JVM option for every drain's fork, e.g. -XX:+UseParallelGC (repeatable; experiments)")
    List<String> drainJvmOptions = List.of();

    @Option(
            names = "--subject-java",
            description = "the java command of every subject's JVM (the drains and the standalone app); default: the"
                    + " harness's own. The broker stays in the harness's JVM (experiments: one JDK against another)")
    String subjectJava;

    @Option(
            names = "--app-jvm-option",
            description =
                    "an extra JVM option for the standalone app of the freshness and serving runs (repeatable; experiments)")
    List<String> appJvmOptions = List.of();

    @Option(
            names = "--sorts",
            description =
                    "the sorts whose lists mostread's drains keep (views by default, as the product): views,visitors,trending")
    String sorts;

    @Option(
            names = "--jfr",
            description =
                    "record a JFR profile of every drain, and of the standalone app's freshness runs, into this directory")
    Path jfr;

    @Option(
            names = "--command-line",
            defaultValue = "",
            description = "the command that started this run, for the record")
    String commandLine;

    private final List<String> log = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Instant startedAt = Instant.now();
        Path work = Files.createTempDirectory("mostread-bench");
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        if (jfr != null) {
            Files.createDirectories(jfr); // a JVM asked to record into a missing directory exits at start
        }
        Report report = new Report(machine(), commandLine, views, scaleViews, runs, threads, articles);
        // only what the chosen parts read: freshness and serving feed their own topics
        Set<Integer> datasets = new LinkedHashSet<>();
        if (part("scale")) {
            datasets.addAll(scale);
        }
        if (part("drain") || part("naive") || part("redis")) {
            datasets.add(articles);
        }
        try (BenchCluster cluster = new BenchCluster(work.resolve("broker"))) {
            String bootstrap = cluster.bootstrapServers();
            for (int size : datasets) {
                Topics topics = dataset(size);
                cluster.createTopics(topics);
                long count = viewsOf(size);
                say("preloading %,d views over %,d articles into %s", count, size, topics.pageViews());
                Preloader preloader =
                        new Preloader(new ViewGenerator(TrafficModel.newsGroup(size, size)), Clock.systemUTC());
                try (Producer<String, byte[]> producer = Preloader.producer(bootstrap)) {
                    Progress progress = new Progress("preloaded", count, System.err);
                    long written = preloader.preload(producer, topics.pageViews(), count, progress);
                    report.dataset(size, written, preloader.meanValueBytes(written), progress.perSecond());
                }
            }
            String main = dataset(articles).prefix();
            if (part("drain")) {
                for (String subject : List.of(
                        "plain-consumer",
                        "plain-consumer-bytes",
                        "mostread-eos",
                        "mostread-alos",
                        "streams-count-eos")) {
                    if (subjects.isEmpty() || subjects.contains(subject)) {
                        report.drain(subject, drains(subject, bootstrap, main, 0));
                    }
                }
            }
            if (part("naive")) {
                report.drain("naive-hopping", drains("naive-hopping", bootstrap, main, naiveSeconds));
            }
            if (part("redis")) {
                try (Serving.Redis redis = new Serving.Redis(Files.createDirectories(work.resolve("redis")))) {
                    report.drain(
                            "redis-zincrby",
                            drains("redis-zincrby", bootstrap, main, redisSeconds, Integer.toString(redis.port)));
                }
            }
            if (part("scale")) {
                for (int size : scale) {
                    report.scale(size, scaleDrains("mostread-eos", report, size, bootstrap));
                    if (subjects.isEmpty() || subjects.contains("streams-count-eos")) {
                        report.floorScale(size, scaleDrains("streams-count-eos", report, size, bootstrap));
                    }
                }
            }
            if (part("fresh")) {
                double drained =
                        report.drains().containsKey("mostread-eos") ? report.medianRate("mostread-eos") : 50_000;
                servingAndFreshness(report, cluster, work, backgroundRate > 0 ? backgroundRate : drained / 2);
            }
        }
        deleteRecursively(work);
        if (jmh && part("jmh")) {
            report.jmh(jmh());
        }
        report.finish(Duration.between(startedAt, Instant.now()));
        Files.createDirectories(out);
        Files.writeString(out.resolve("BENCHMARKS.md"), report.markdown());
        Files.writeString(
                out.resolve("benchmarks.json"),
                Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report.json()) + "\n");
        say(
                "wrote %s and %s in %s",
                out.resolve("BENCHMARKS.md"),
                out.resolve("benchmarks.json"),
                Duration.between(startedAt, Instant.now()));
        System.out.println(report.summary());
        return 0;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }

    private long viewsOf(int size) {
        return size == articles ? views : scaleViews;
    }

    private boolean part(String name) {
        return only.isEmpty() || only.contains(name);
    }

    private static Topics dataset(int size) {
        return new Topics("a" + size + "-");
    }

    /** {@code subject}'s drains of the dataset of {@code size} articles: the main drain's when that is the one. */
    private List<DrainResult> scaleDrains(String subject, Report report, int size, String bootstrap)
            throws IOException, InterruptedException {
        if (size == articles && report.drains().containsKey(subject)) {
            return report.drains().get(subject);
        }
        return drains(subject, bootstrap, dataset(size).prefix(), 0);
    }

    private List<DrainResult> drains(String subject, String bootstrap, String prefix, long cap, String... extra)
            throws IOException, InterruptedException {
        List<DrainResult> results = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            say("%s on %s, run %d of %d", subject, prefix + Topics.PAGE_VIEWS, run, runs);
            List<String> jvm = new ArrayList<>(drainJvmOptions);
            if (jfr != null) {
                jvm.add("-XX:StartFlightRecording=filename="
                        + jfr.resolve(subject + "-" + prefix + run + ".jfr").toAbsolutePath() + ",settings=profile");
            }
            if (streamsConfig != null) {
                jvm.add("-D" + DrainMain.STREAMS_CONFIG + "=" + streamsConfig);
            }
            if (sorts != null) {
                jvm.add("-D" + DrainMain.SORTS + "=" + sorts);
            }
            long count = prefix.equals(dataset(articles).prefix()) ? views : scaleViews;
            DrainResult result = Forks.drain(
                    subjectJava(), jvm, subject, bootstrap, prefix, count, threads, cap == 0 ? 1800 : cap, extra);
            say(
                    "  %,d views in %.1f s: %,.0f views/s; %,d state updates, %,d outputs; heap %,d MB",
                    result.views(),
                    result.seconds(),
                    result.viewsPerSecond(),
                    result.stateUpdates(),
                    result.outputRecords(),
                    result.heapBytes() >> 20);
            results.add(result);
        }
        return results;
    }

    private String subjectJava() {
        return subjectJava != null ? subjectJava : Forks.java();
    }

    private List<String> appJvm() {
        List<String> options = new ArrayList<>(appJvmOptions);
        if (jfr != null) {
            options.add("-XX:StartFlightRecording=filename="
                    + jfr.resolve("standalone.jfr").toAbsolutePath() + ",settings=profile");
        }
        return options;
    }

    private void servingAndFreshness(Report report, BenchCluster cluster, Path work, double halfLoad) throws Exception {
        Topics topics = new Topics("fresh-");
        try (Standalone app = new Standalone(
                subjectJava(),
                standaloneJar,
                cluster.bootstrapServers(),
                topics.prefix(),
                Files.createDirectories(work.resolve("standalone")),
                work.resolve("standalone.log"),
                appJvm(),
                List.of())) {
            if (lightRate > 0) {
                // the lighter load first: a backlog left by the heavier one must not spill into it
                say("freshness at a lighter load: background %,.0f views/s", lightRate);
                List<Freshness.Result> light = freshnessSeries(app, cluster, topics, lightRate, 2000);
                report.lightFreshness(light);
            }
            URI list = app.uri("/api/v1/sites/news-1/most-read?period=1h&limit=10");
            HttpResponse<byte[]> body = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(list).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (body.statusCode() != 200) {
                throw new IllegalStateException("GET " + list + " answered " + body.statusCode());
            }
            try (Serving.Nginx nginx = new Serving.Nginx(Files.createDirectories(work.resolve("nginx")), body.body())) {
                Map<Integer, Map<String, List<Serving.WrkResult>>> serving = new LinkedHashMap<>();
                Serving.wrk(list, 32, Duration.ofSeconds(Math.max(1, wrkSeconds * 2))); // warm the API's JIT
                for (int c : connections) {
                    Map<String, List<Serving.WrkResult>> byTarget = new LinkedHashMap<>();
                    for (int run = 1; run <= runs; run++) {
                        for (Map.Entry<String, URI> target :
                                Map.of("mostread", list, "nginx", nginx.url).entrySet()) {
                            Serving.WrkResult r = Serving.wrk(target.getValue(), c, Duration.ofSeconds(wrkSeconds));
                            say(
                                    "  wrk -c%d %s: %,.0f req/s, p99 %.2f ms",
                                    c, target.getKey(), r.requestsPerSecond(), r.p99Millis());
                            byTarget.computeIfAbsent(target.getKey(), k -> new ArrayList<>())
                                    .add(r);
                        }
                    }
                    serving.put(c, byTarget);
                }
                report.serving(serving, body.body().length);
            }
            // half the drain rate last: if the pipeline falls behind, its backlog spoils nothing after it
            say(
                    "freshness: background %,.0f views/s (half the exactly-once drain rate), %d probes x %d runs",
                    halfLoad, probes, runs);
            List<Freshness.Result> results = freshnessSeries(app, cluster, topics, halfLoad, 1000);
            report.freshness(results);
        }
    }

    /** {@code runs} freshness runs at {@code rate} background views/s; each run's traffic has its own seed. */
    private List<Freshness.Result> freshnessSeries(
            Standalone app, BenchCluster cluster, Topics topics, double rate, int seedBase)
            throws IOException, InterruptedException {
        List<Freshness.Result> results = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            Freshness.Result result = new Freshness("probe-" + seedBase + "-" + run)
                    .measure(
                            app,
                            cluster.bootstrapServers(),
                            topics,
                            TrafficModel.newsGroup(articles, seedBase + run),
                            rate,
                            probes);
            say(
                    "  run %d: p50 %.0f ms, p99 %.0f ms, max %.0f ms at %,.0f background views/s (%d probes, %d late;"
                            + " p50 %.0f ms until published, %.0f ms from there to the API)",
                    run,
                    result.p50(),
                    result.p99(),
                    result.max(),
                    result.backgroundPerSecond(),
                    result.probes(),
                    result.late(),
                    result.p50UntilPublished(),
                    result.p50AfterPublished());
            say("  run %d, each probe in ms: %s; warm-up probes before them: %s", run, result.trace(), result.warmUp());
            results.add(result);
        }
        return results;
    }

    private List<Report.JmhFigure> jmh() throws Exception {
        say("JMH: hot path and list rendering");
        OptionsBuilder options = new OptionsBuilder();
        options.include("dev.mostread.bench.jmh")
                .forks(1)
                .warmupIterations(jmhWarmups)
                .warmupTime(TimeValue.milliseconds(jmhMillis))
                .measurementIterations(jmhIterations)
                .measurementTime(TimeValue.milliseconds(jmhMillis))
                .shouldFailOnError(true);
        List<Report.JmhFigure> figures = new ArrayList<>();
        for (RunResult result : new Runner(options.build()).run()) {
            var primary = result.getPrimaryResult();
            String params = result.getParams().getParamsKeys().stream()
                    .map(k -> k + "=" + result.getParams().getParam(k))
                    .reduce((a, b) -> a + "," + b)
                    .orElse("");
            String name = result.getParams().getBenchmark().replace("dev.mostread.bench.jmh.", "");
            figures.add(new Report.JmhFigure(
                    params.isEmpty() ? name : name + " (" + params + ")",
                    primary.getScore(),
                    primary.getScoreError(),
                    primary.getScoreUnit()));
        }
        return figures;
    }

    private Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put(
                "memoryGiB",
                Math.round(((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                                .getTotalMemorySize()
                        / (1024.0 * 1024 * 1024)));
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        if (subjectJava != null) {
            machine.put("subjectJava", subjectJava);
        }
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("kafka", org.apache.kafka.common.utils.AppInfoParser.getVersion());
        return machine;
    }

    private void say(String format, Object... args) {
        String line = String.format(format, args);
        log.add(line);
        System.err.println("[bench] " + line);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchmarkRun()).execute(args));
    }
}
