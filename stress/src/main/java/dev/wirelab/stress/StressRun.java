package dev.wirelab.stress;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the jcstress tests of this package and checks the verdict both ways: every correct
 * test passes, and every {@code Racy...} twin fails. {@code ./mvnw verify} runs it (the
 * {@code jcstress-quick} execution in this module's pom); it exits 1 with a reason otherwise.
 *
 * <pre>
 *   java -cp CLASSPATH dev.wirelab.stress.StressRun OUTPUT_DIR [jcstress options...]
 * </pre>
 *
 * <h2>Why it reads jcstress's console</h2>
 * jcstress exits non-zero when any test sees a forbidden outcome, which is exactly what a racy
 * twin must do, so the exit code alone cannot tell "the twins were caught" from "a correct test
 * broke". Run with {@code -v}, jcstress ends with a list of every test and its verdict
 * ({@code [OK]}, {@code [FAILED]}, {@code [ERROR]}) followed by each one's outcome table; this
 * class reads that list and the forbidden rows, and writes a summary next to the full output.
 *
 * <h2>Retries, and why they are honest</h2>
 * A racy twin shows its forbidden outcome in well under 1% of samples, and on a loaded machine
 * two actors are less often truly simultaneous. A twin that was not caught gets up to two more
 * runs on its own. It passes the check only when a run really observed a forbidden outcome;
 * a correct test is never retried.
 */
public final class StressRun {

    private static final String PACKAGE = "dev.wirelab.stress";
    private static final Pattern VERDICT = Pattern.compile("^\\.*\\s*\\[(OK|FAILED|ERROR)\\]\\s+(\\S+)\\s*$");
    private static final Pattern ROW = Pattern.compile("^\\s+(.+?)\\s+([\\d,]+)\\s+\\S+\\s+(Acceptable|Forbidden|Interesting)\\b.*$");
    private static final int RACY_ATTEMPTS = 3;

    private StressRun() {
    }

    /** One test's verdict and samples, from one run. */
    record Outcome(String test, String verdict, long samples, long forbidden) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: StressRun OUTPUT_DIR [jcstress options...]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        List<String> options = splitOptions(Arrays.copyOfRange(args, 1, args.length));
        Files.createDirectories(out);

        // Phase 1: every test once.
        Map<String, Outcome> results = new LinkedHashMap<>(run(out, options, PACKAGE + "\\..*Stress", 1));
        // Phase 2: racy twins that were not caught get a few more chances, alone.
        for (int attempt = 2; attempt <= RACY_ATTEMPTS; attempt++) {
            List<String> missed = results.values().stream()
                    .filter(o -> isRacy(o.test()) && o.forbidden() == 0).map(Outcome::test).toList();
            if (missed.isEmpty()) {
                break;
            }
            String only = String.join("|", missed.stream().map(Pattern::quote).toList());
            results.putAll(run(out, options, only, attempt));
        }
        System.exit(judge(results, out) ? 0 : 1);
    }

    /** The exec plugin passes the options as one argument; jcstress wants them one by one. */
    private static List<String> splitOptions(String[] raw) {
        List<String> options = new ArrayList<>();
        for (String s : raw) {
            for (String token : s.trim().split("\\s+")) {
                if (!token.isEmpty()) {
                    options.add(token);
                }
            }
        }
        return options;
    }

    private static Map<String, Outcome> run(Path out, List<String> options, String selector, int attempt)
            throws IOException, InterruptedException {
        Path log = out.resolve("jcstress-run-" + attempt + ".txt");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "org.openjdk.jcstress.Main", "-v", "-t", selector, "-r", out.resolve("report-" + attempt).toString()));
        command.addAll(options);
        System.out.println("[stress] run " + attempt + ": " + selector + " " + String.join(" ", options));
        Process process = new ProcessBuilder(command).directory(out.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int exit = process.waitFor();
        Map<String, Outcome> parsed = parse(Files.readAllLines(log, StandardCharsets.UTF_8));
        System.out.println("[stress] run " + attempt + " exited " + exit + "; " + parsed.size() + " verdicts; full output: " + log);
        return parsed;
    }

    /** Reads the verdict list after "RUN RESULTS:" and the outcome rows under each verdict. */
    static Map<String, Outcome> parse(List<String> lines) {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        int start = lines.indexOf("RUN RESULTS:");
        String test = null;
        String verdict = null;
        long samples = 0;
        long forbidden = 0;
        for (String line : start < 0 ? List.<String>of() : lines.subList(start, lines.size())) {
            Matcher v = VERDICT.matcher(line);
            Matcher row = ROW.matcher(line);
            if (v.matches()) {
                if (test != null) {
                    outcomes.put(test, new Outcome(test, verdict, samples, forbidden));
                }
                verdict = v.group(1);
                test = v.group(2);
                samples = 0;
                forbidden = 0;
            } else if (test != null && row.matches()) {
                long n = Long.parseLong(row.group(2).replace(",", ""));
                samples += n;
                forbidden += row.group(3).equals("Forbidden") ? n : 0;
            }
        }
        if (test != null) {
            outcomes.put(test, new Outcome(test, verdict, samples, forbidden));
        }
        return outcomes;
    }

    private static boolean isRacy(String test) {
        return test.substring(test.lastIndexOf('.') + 1).startsWith("Racy");
    }

    /** Correct tests: OK with samples. Racy twins: FAILED with forbidden samples seen. Every test must appear. */
    private static boolean judge(Map<String, Outcome> results, Path out) throws IOException {
        List<String> problems = new ArrayList<>();
        StringBuilder summary = new StringBuilder("test | expected | verdict | samples | forbidden samples\n");
        long racy = results.keySet().stream().filter(StressRun::isRacy).count();
        if (results.isEmpty() || racy == 0 || racy * 2 != results.size()) {
            problems.add("expected pairs of tests and racy twins, found " + results.keySet()
                    + " (is jcstress's annotation processor running? see annotationProcessorPaths)");
        }
        for (Outcome o : results.values()) {
            boolean twin = isRacy(o.test());
            boolean ok = twin ? o.verdict().equals("FAILED") && o.forbidden() > 0
                    : o.verdict().equals("OK") && o.samples() > 0 && o.forbidden() == 0;
            if (!ok) {
                problems.add(o.test() + ": expected " + (twin ? "FAILED (the twin must be caught)" : "OK") + ", was " + o);
            }
            summary.append(String.format("%s | %s | %s | %,d | %,d%n", o.test().substring(PACKAGE.length() + 1),
                    twin ? "FAILED" : "OK", o.verdict(), o.samples(), o.forbidden()));
        }
        Files.writeString(out.resolve("summary.txt"), summary);
        System.out.print(summary);
        problems.forEach(p -> System.out.println("[stress] PROBLEM: " + p));
        System.out.println(problems.isEmpty() ? "[stress] every test passed and every racy twin was caught"
                : "[stress] " + problems.size() + " problem(s)");
        return problems.isEmpty();
    }
}
