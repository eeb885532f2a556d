package dev.mostread.loadgen;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.Producer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The load generator's command line.
 *
 * <pre>
 * java -jar services/loadgen/target/mostread-loadgen.jar preload --bootstrap-servers localhost:9092 --views 5000000
 * java -jar services/loadgen/target/mostread-loadgen.jar post --url http://localhost:8080 --rate 2000 --duration 60s
 * </pre>
 */
@Command(
        name = "mostread-loadgen",
        mixinStandardHelpOptions = true,
        subcommands = {LoadGenerator.Preload.class, LoadGenerator.Post.class},
        description = "Synthetic page views with Zipf popularity, robots and reloads.")
public final class LoadGenerator {

    /** Options that shape the traffic, for every subcommand. */
    static class Shape {
        @Option(
                names = "--articles",
                defaultValue = "10000",
                description = "distinct articles (default ${DEFAULT-VALUE})")
        int articles;

        @Option(names = "--seed", defaultValue = "1", description = "random seed (default ${DEFAULT-VALUE})")
        long seed;

        TrafficModel model() {
            return TrafficModel.newsGroup(articles, seed);
        }
    }

    @Command(
            name = "preload",
            description = "Write views straight to a Kafka topic, as fast as it takes them or at --rate.")
    static final class Preload implements Callable<Integer> {
        @CommandLine.Mixin
        Shape shape = new Shape();

        @Option(names = "--bootstrap-servers", defaultValue = "localhost:9092")
        String bootstrapServers;

        @Option(names = "--topic", defaultValue = "page-views")
        String topic;

        @Option(names = "--views", defaultValue = "1000000")
        long views;

        @Option(names = "--rate", defaultValue = "0", description = "views per second; 0: as fast as possible")
        double rate;

        @Override
        public Integer call() {
            Preloader preloader = new Preloader(new ViewGenerator(shape.model()), Clock.systemUTC());
            try (Producer<String, byte[]> producer = Preloader.producer(bootstrapServers)) {
                Progress progress = new Progress("views written", views, System.err);
                long written = preloader.run(producer, topic, views, rate, () -> false, progress);
                System.out.printf(
                        "%,d views written to %s at %,.0f/s, %.0f bytes each on average%n",
                        written, topic, progress.perSecond(), preloader.meanValueBytes(written));
            }
            return 0;
        }
    }

    @Command(name = "post", description = "POST views to the collector at a fixed rate.")
    static final class Post implements Callable<Integer> {
        @CommandLine.Mixin
        Shape shape = new Shape();

        @Option(names = "--url", defaultValue = "http://localhost:8080")
        URI url;

        @Option(names = "--rate", defaultValue = "1000", description = "views per second")
        double rate;

        @Option(names = "--batch", defaultValue = "10", description = "views per request (at most 1000)")
        int batch;

        @Option(names = "--duration", defaultValue = "PT60S", converter = DurationConverter.class)
        Duration duration;

        @Option(names = "--in-flight", defaultValue = "64", description = "requests in flight at most")
        int inFlight;

        @Override
        public Integer call() throws InterruptedException {
            HttpLoad load = new HttpLoad(new ViewGenerator(shape.model()), Clock.systemUTC());
            Progress progress = new Progress("views sent", 0, System.err);
            long sent = load.run(url.resolve("/api/v1/events"), rate, batch, duration, inFlight, progress);
            System.out.printf(
                    "%,d views sent at %,.0f/s; answers by status %s; %d without an answer%n",
                    sent, progress.perSecond(), load.statuses(), load.failures());
            return load.failures() == 0 && load.statuses().keySet().stream().allMatch(s -> s == 202) ? 0 : 1;
        }
    }

    /** Accepts "60s", "5m" or ISO-8601 "PT60S". */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            String v = value.trim().toLowerCase();
            if (v.startsWith("pt")) {
                return Duration.parse(value);
            }
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            }
            long amount = Long.parseLong(v.substring(0, v.length() - 1));
            return switch (v.charAt(v.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                default -> throw new CommandLine.TypeConversionException("not a duration: " + value);
            };
        }
    }

    private LoadGenerator() {}

    public static void main(String[] args) {
        System.exit(new CommandLine(new LoadGenerator()).execute(args));
    }
}
