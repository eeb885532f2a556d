package dev.mostread.bench;

import dev.mostread.bench.drain.DrainResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything one benchmark run measured, its medians, ratios and goals, as Markdown and as JSON. */
final class Report {

    record JmhFigure(String benchmark, double score, double error, String unit) {}

    record Goal(String goal, String target, String measured, boolean met) {}

    private final Map<String, Object> machine;
    private final String commandLine;
    private final long views;
    private final long scaleViews;
    private final int runs;
    private final int threads;
    private final int articles;
    private final Instant startedAt = Instant.now();
    private final Map<Integer, Map<String, Object>> datasets = new LinkedHashMap<>();
    private final Map<String, List<DrainResult>> drains = new LinkedHashMap<>();
    private final Map<Integer, List<DrainResult>> scale = new LinkedHashMap<>();
    /** The floor ({@code streams-count-eos}) over the same datasets: how much of the curve is the framework's. */
    private final Map<Integer, List<DrainResult>> floorScale = new LinkedHashMap<>();

    private List<Freshness.Result> freshness = List.of();
    private List<Freshness.Result> lightFreshness = List.of();
    private Map<Integer, Map<String, List<Serving.WrkResult>>> serving = Map.of();
    private int servedBytes;
    private List<JmhFigure> jmh = List.of();
    private Duration took = Duration.ZERO;

    Report(
            Map<String, Object> machine,
            String commandLine,
            long views,
            long scaleViews,
            int runs,
            int threads,
            int articles) {
        this.machine = machine;
        this.commandLine = commandLine;
        this.views = views;
        this.scaleViews = scaleViews;
        this.runs = runs;
        this.threads = threads;
        this.articles = articles;
    }

    void dataset(int size, long written, double meanBytes, double preloadRate) {
        datasets.put(
                size,
                Map.of(
                        "articles",
                        size,
                        "views",
                        written,
                        "meanBytes",
                        Math.round(meanBytes),
                        "preloadViewsPerSecond",
                        Math.round(preloadRate)));
    }

    void drain(String subject, List<DrainResult> results) {
        drains.put(subject, results);
    }

    Map<String, List<DrainResult>> drains() {
        return drains;
    }

    void scale(int size, List<DrainResult> results) {
        scale.put(size, results);
    }

    void floorScale(int size, List<DrainResult> results) {
        floorScale.put(size, results);
    }

    void freshness(List<Freshness.Result> results) {
        freshness = results;
    }

    void lightFreshness(List<Freshness.Result> results) {
        lightFreshness = results;
    }

    void serving(Map<Integer, Map<String, List<Serving.WrkResult>>> results, int bytes) {
        serving = results;
        servedBytes = bytes;
    }

    void jmh(List<JmhFigure> figures) {
        jmh = figures;
    }

    void finish(Duration duration) {
        took = duration;
    }

    double medianRate(String subject) {
        return Stats.median(drains.getOrDefault(subject, List.of()), DrainResult::viewsPerSecond);
    }

    private static double perView(List<DrainResult> results, boolean state) {
        return Stats.median(results, r -> (state ? r.stateUpdates() : r.outputRecords()) / (double) r.views());
    }

    /** The drain process's CPU per view (its own threads, not the broker's), median over runs. */
    private static double cpuPerView(List<DrainResult> results) {
        return Stats.median(results, DrainResult::cpuMicrosPerView);
    }

    private double servingMedian(int connections, String target, boolean p99) {
        return Stats.median(serving.get(connections).get(target), r -> p99 ? r.p99Millis() : r.requestsPerSecond());
    }

    List<Goal> goals() {
        List<Goal> goals = new ArrayList<>();
        double eos = medianRate("mostread-eos");
        double plain = medianRate("plain-consumer");
        double alos = medianRate("mostread-alos");
        double naive = medianRate("naive-hopping");
        goals.add(ratioGoal("mostread (exactly_once_v2) vs the plain consumer", eos / plain, 0.5));
        goals.add(ratioGoal("mostread (exactly_once_v2) vs the naive hopping-window topology", eos / naive, 20));
        goals.add(ratioGoal("exactly_once_v2 vs at_least_once", eos / alos, 0.8));
        double outputs = perView(drains.getOrDefault("mostread-eos", List.of()), false);
        goals.add(new Goal("output records per input view at full load", "≤ 0.01", fmt(outputs, 4), outputs <= 0.01));
        if (!freshness.isEmpty()) {
            double p99 = Stats.median(freshness, Freshness.Result::p99);
            goals.add(new Goal("freshness p99 at half load", "≤ 1000 ms", fmt(p99, 0) + " ms", p99 <= 1000));
        }
        for (int c : serving.keySet()) {
            double ratio = servingMedian(c, "mostread", false) / servingMedian(c, "nginx", false);
            double p99 = servingMedian(c, "mostread", true);
            goals.add(new Goal(
                    "GET most-read vs nginx, " + c + " connections",
                    "≥ 0.35×, p99 ≤ 10 ms",
                    fmt(ratio, 2) + "×, p99 " + fmt(p99, 2) + " ms",
                    ratio >= 0.35 && p99 <= 10));
        }
        if (scale.size() >= 2) {
            int smallest = scale.keySet().stream().min(Integer::compare).orElseThrow();
            int largest = scale.keySet().stream().max(Integer::compare).orElseThrow();
            double ratio = Stats.median(scale.get(largest), DrainResult::viewsPerSecond)
                    / Stats.median(scale.get(smallest), DrainResult::viewsPerSecond);
            goals.add(ratioGoal(
                    String.format("throughput at %,d vs %,d distinct articles", largest, smallest), ratio, 0.7));
        }
        return goals;
    }

    private static Goal ratioGoal(String goal, double ratio, double target) {
        return new Goal(goal, "≥ " + fmt(target, target < 1 ? 2 : 0) + "×", fmt(ratio, 2) + "×", ratio >= target);
    }

    private static String fmt(double value, int decimals) {
        return String.format("%,." + decimals + "f", value);
    }

    String summary() {
        StringBuilder text = new StringBuilder();
        for (Goal goal : goals()) {
            text.append(goal.met() ? "MET    " : "NOT MET")
                    .append("  ")
                    .append(goal.goal())
                    .append(": ")
                    .append(goal.measured())
                    .append(" (goal ")
                    .append(goal.target())
                    .append(")\n");
        }
        return text.toString();
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# mostread benchmarks\n\n");
        md.append("Written by the benchmark command from its latest run; do not edit by hand. What the figures mean,\n")
                .append("how they are taken and what limits them: [PERFORMANCE.md](PERFORMANCE.md).\n\n");
        md.append("- Run: ")
                .append(startedAt)
                .append(", took ")
                .append(took.toMinutes())
                .append(" min ")
                .append(took.toSecondsPart())
                .append(" s\n");
        md.append("- Command: `")
                .append(commandLine.isBlank() ? "bench/run.sh" : commandLine)
                .append("`\n");
        md.append("- Machine: ")
                .append(machine.get("cores"))
                .append(" cores, ")
                .append(machine.get("memoryGiB"))
                .append(" GiB, ")
                .append(machine.get("java"))
                .append(", ")
                .append(machine.get("os"))
                .append(", Kafka ")
                .append(machine.get("kafka"))
                .append(" (one embedded KRaft broker in the harness's JVM)")
                .append(machine.containsKey("subjectJava") ? "; subjects run on " + machine.get("subjectJava") : "")
                .append("\n");
        md.append("- Each figure is the median of ")
                .append(runs)
                .append(" runs; every Kafka Streams subject runs ")
                .append(threads)
                .append(" stream thread(s) in a JVM of its own (-Xmx3g).\n\n");

        md.append("## Goals\n\n| goal | target | measured | met |\n|---|---|---|---|\n");
        for (Goal goal : goals()) {
            md.append("| ")
                    .append(goal.goal())
                    .append(" | ")
                    .append(goal.target())
                    .append(" | ")
                    .append(goal.measured())
                    .append(" | ")
                    .append(goal.met() ? "yes" : "**no**")
                    .append(" |\n");
        }

        md.append(
                "\n## Datasets\n\n| distinct articles | views | mean event size | preload rate |\n|---|---|---|---|\n");
        datasets.values()
                .forEach(d -> md.append(String.format(
                        "| %,d | %,d | %d B | %,d views/s |%n",
                        d.get("articles"), d.get("views"), d.get("meanBytes"), d.get("preloadViewsPerSecond"))));

        double plain = medianRate("plain-consumer");
        md.append(String.format("%n## Drain throughput (%,d distinct articles)%n%n", articles));
        md.append(
                "| subject | views/s (median) | × plain consumer | runs (views/s) | CPU µs per view | state updates per view | output records per view | heap after drain |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        drains.forEach((subject, results) -> md.append(String.format(
                "| %s | %,.0f | %.3f | %s | %s | %s | %s | %,d MB |%n",
                subject,
                medianRate(subject),
                medianRate(subject) / plain,
                String.join(
                        ", ",
                        results.stream()
                                .map(r -> String.format("%,.0f", r.viewsPerSecond()))
                                .toList()),
                fmt(cpuPerView(results), 1),
                subject.startsWith("plain") || subject.startsWith("redis") ? "–" : fmt(perView(results, true), 4),
                subject.startsWith("plain") || subject.startsWith("redis") ? "–" : fmt(perView(results, false), 5),
                (long) Stats.median(results, DrainResult::heapBytes) >> 20)));
        if (drains.containsKey("naive-hopping")) {
            md.append(String.format(
                    "%nThe naive baseline ran for a fixed time (it cannot drain %,d views in any reasonable time); "
                            + "its rate is views processed over that time. The Redis reference also stops after a fixed time.%n",
                    views));
        }
        if (drains.containsKey("streams-count-eos") && drains.containsKey("mostread-eos")) {
            md.append(String.format(
                    "%nThe floor (`streams-count-eos`: the ranker's configuration, parse and count per article, nothing"
                            + " else) runs at %.3f× the plain consumer; mostread (exactly_once_v2) at %.2f× the floor.%n",
                    medianRate("streams-count-eos") / plain,
                    medianRate("mostread-eos") / medianRate("streams-count-eos")));
        }
        if (drains.containsKey("redis-zincrby")) {
            md.append(String.format(
                    "mostread (exactly_once_v2) / Redis ZINCRBY reference: %.2f×.%n",
                    medianRate("mostread-eos") / medianRate("redis-zincrby")));
        }

        freshnessTable(md, "at half load (half the exactly-once drain rate)", freshness);
        freshnessTable(md, "at a lighter load", lightFreshness);

        if (!serving.isEmpty()) {
            md.append(String.format(
                    "%n## Serving: `GET most-read` (%d B of JSON) vs nginx serving the same bytes, wrk keep-alive%n%n",
                    servedBytes));
            md.append(
                    "| connections | mostread req/s | mostread p99 | nginx req/s | nginx p99 | ratio |\n|---|---|---|---|---|---|\n");
            for (int c : serving.keySet()) {
                md.append(String.format(
                        "| %d | %,.0f | %.2f ms | %,.0f | %.2f ms | %.2f× |%n",
                        c,
                        servingMedian(c, "mostread", false),
                        servingMedian(c, "mostread", true),
                        servingMedian(c, "nginx", false),
                        servingMedian(c, "nginx", true),
                        servingMedian(c, "mostread", false) / servingMedian(c, "nginx", false)));
            }
        }

        if (!scale.isEmpty()) {
            md.append(String.format(
                    "%n## Scale curve: mostread (exactly_once_v2) by distinct articles%n%n"
                            + "%,d views per dataset (%,d for the main dataset's row).%n%n",
                    scaleViews, views));
            md.append("| distinct articles | views/s (median) | × smallest | CPU µs per view | state updates per view"
                    + " | heap after drain | floor views/s | floor × smallest |\n|---|---|---|---|---|---|---|---|\n");
            double first = Stats.median(scale.values().iterator().next(), DrainResult::viewsPerSecond);
            double floorFirst = floorScale.isEmpty()
                    ? Double.NaN
                    : Stats.median(floorScale.values().iterator().next(), DrainResult::viewsPerSecond);
            scale.forEach((size, results) -> {
                List<DrainResult> floor = floorScale.getOrDefault(size, List.of());
                double floorRate = floor.isEmpty() ? Double.NaN : Stats.median(floor, DrainResult::viewsPerSecond);
                md.append(String.format(
                        "| %,d | %,.0f | %.2f | %s | %.4f | %,d MB | %s | %s |%n",
                        size,
                        Stats.median(results, DrainResult::viewsPerSecond),
                        Stats.median(results, DrainResult::viewsPerSecond) / first,
                        fmt(cpuPerView(results), 1),
                        perView(results, true),
                        (long) Stats.median(results, DrainResult::heapBytes) >> 20,
                        floor.isEmpty() ? "–" : fmt(floorRate, 0),
                        floor.isEmpty() ? "–" : fmt(floorRate / floorFirst, 2)));
            });
        }

        if (!jmh.isEmpty()) {
            md.append("\n## JMH micro-benchmarks\n\n| benchmark | score | error (99.9%) | unit |\n|---|---|---|---|\n");
            jmh.forEach(f -> md.append(
                    String.format("| %s | %.1f | ± %.1f | %s |%n", f.benchmark(), f.score(), f.error(), f.unit())));
        }
        return md.toString();
    }

    private static void freshnessTable(StringBuilder md, String load, List<Freshness.Result> results) {
        if (results.isEmpty()) {
            return;
        }
        md.append("\n## Freshness: POST 202 → visible in the API, ")
                .append(load)
                .append("\n\n");
        md.append(
                "| run | warm-up probes | probes | not visible within 10 s | background views/s | p50 | p99 | max | p50 until published | p50 published → API |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < results.size(); i++) {
            Freshness.Result r = results.get(i);
            md.append(String.format(
                    "| %d | %d | %d | %d | %,.0f | %.0f ms | %.0f ms | %.0f ms | %.0f ms | %.0f ms |%n",
                    i + 1,
                    r.warmUp().size(),
                    r.probes(),
                    r.late(),
                    r.backgroundPerSecond(),
                    r.p50(),
                    r.p99(),
                    r.max(),
                    r.p50UntilPublished(),
                    r.p50AfterPublished()));
        }
        md.append(String.format(
                "| **median** | | | | | **%.0f ms** | **%.0f ms** | **%.0f ms** | %.0f ms | %.0f ms |%n",
                Stats.median(results, Freshness.Result::p50),
                Stats.median(results, Freshness.Result::p99),
                Stats.median(results, Freshness.Result::max),
                Stats.median(results, Freshness.Result::p50UntilPublished),
                Stats.median(results, Freshness.Result::p50AfterPublished)));
    }

    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("startedAt", startedAt.toString());
        json.put("tookSeconds", took.toSeconds());
        json.put("commandLine", commandLine);
        json.put("machine", machine);
        json.put("viewsPerDataset", views);
        json.put("viewsPerScaleDataset", scaleViews);
        json.put("runs", runs);
        json.put("streamThreads", threads);
        json.put("mainDatasetArticles", articles);
        json.put("goals", goals());
        json.put("datasets", datasets.values());
        Map<String, Object> drainJson = new LinkedHashMap<>();
        drains.forEach((subject, results) -> drainJson.put(
                subject,
                Map.of(
                        "medianViewsPerSecond", medianRate(subject),
                        "medianStateUpdatesPerView", perView(results, true),
                        "medianOutputRecordsPerView", perView(results, false),
                        "medianCpuMicrosPerView", cpuPerView(results),
                        "runs", results)));
        json.put("drain", drainJson);
        json.put("freshnessMillis", freshness);
        json.put("lightLoadFreshnessMillis", lightFreshness);
        Map<String, Object> servingJson = new LinkedHashMap<>();
        serving.forEach((c, byTarget) -> servingJson.put(Integer.toString(c), byTarget));
        json.put("serving", servingJson);
        Map<String, Object> scaleJson = new LinkedHashMap<>();
        scale.forEach((size, results) -> scaleJson.put(
                Integer.toString(size),
                Map.of(
                        "medianViewsPerSecond",
                        Stats.median(results, DrainResult::viewsPerSecond),
                        "medianHeapBytes",
                        Stats.median(results, DrainResult::heapBytes),
                        "medianCpuMicrosPerView",
                        cpuPerView(results),
                        "runs",
                        results)));
        json.put("scale", scaleJson);
        Map<String, Object> floorScaleJson = new LinkedHashMap<>();
        floorScale.forEach((size, results) -> floorScaleJson.put(
                Integer.toString(size),
                Map.of("medianViewsPerSecond", Stats.median(results, DrainResult::viewsPerSecond), "runs", results)));
        json.put("floorScale", floorScaleJson);
        json.put("jmh", jmh);
        return json;
    }
}
