package dev.mostread.bench;

import dev.mostread.bench.drain.DrainMain;
import dev.mostread.bench.drain.DrainResult;
import dev.mostread.shared.kafka.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts a drain in a JVM of its own, on the harness's class path, and reads back its result. */
final class Forks {

    static final String HEAP = "-Xmx3g";

    private Forks() {}

    /** The harness's own java command. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** @param java the java command of the drain's JVM */
    static DrainResult drain(
            String java,
            List<String> jvmOptions,
            String subject,
            String bootstrap,
            String prefix,
            long views,
            int threads,
            long capSeconds,
            String... extra)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java, HEAP));
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                DrainMain.class.getName(),
                subject,
                bootstrap,
                prefix,
                Long.toString(views),
                Integer.toString(threads),
                Long.toString(capSeconds)));
        command.addAll(List.of(extra));
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String result = null;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(DrainMain.RESULT_PREFIX)) {
                    result = line.substring(DrainMain.RESULT_PREFIX.length());
                }
            }
        }
        int exit = process.waitFor();
        if (exit != 0 || result == null) {
            throw new IllegalStateException(subject + " failed with exit code " + exit);
        }
        return Json.mapper().readValue(result, DrainResult.class);
    }
}
