package dev.wirelab.labs.exercise;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import dev.wirelab.labs.exercise.Result.Status;
import dev.wirelab.labs.exercise.Result.TestOutcome;

/**
 * Runs an exercise's compiled tests in the lab's JVM through the JUnit Platform Launcher.
 *
 * <p>The classes load in a fresh {@link URLClassLoader} whose parent is the lab's loader:
 * the student's classes are new on every check (an edit is seen at once), while JUnit, core,
 * Netty and Akka are loaded once. Every test and lifecycle method gets a time limit and runs
 * on a thread of its own ({@code SEPARATE_THREAD}), so a test stuck in a loop that ignores
 * interrupts is still reported as timed out and the check goes on.
 */
final class TestRun {

    private TestRun() {
    }

    static List<TestOutcome> run(Path classes, List<String> testClassNames, Set<String> ownClasses,
                                 Duration timeout) throws Exception {
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader("exercise", new URL[] {classes.toUri().toURL()},
                TestRun.class.getClassLoader())) {
            current.setContextClassLoader(loader);
            List<ClassSelector> selectors = new ArrayList<>();
            for (String name : testClassNames) {
                selectors.add(selectClass(loader.loadClass(name)));
            }
            String limit = Math.max(1, timeout.toSeconds()) + " s";
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectors)
                    .configurationParameter("junit.jupiter.execution.timeout.default", limit)
                    .configurationParameter("junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD")
                    .configurationParameter("junit.jupiter.testmethod.order.default", "org.junit.jupiter.api.MethodOrderer$MethodName")
                    .configurationParameter("junit.platform.output.capture.stdout", "true")
                    .configurationParameter("junit.platform.output.capture.stderr", "true")
                    .build();
            Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                    .enableTestExecutionListenerAutoRegistration(false)
                    .build());
            Listener listener = new Listener(ownClasses);
            // JUnit's capture copies what tests print to the stream it replaced; point that stream
            // nowhere for the run, so printed lines appear once, under their test, in the report.
            PrintStream stdout = System.out;
            PrintStream stderr = System.err;
            System.setOut(new PrintStream(OutputStream.nullOutputStream()));
            System.setErr(new PrintStream(OutputStream.nullOutputStream()));
            try {
                launcher.execute(request, listener);
            } finally {
                System.setOut(stdout);
                System.setErr(stderr);
            }
            return listener.outcomes();
        } finally {
            current.setContextClassLoader(previous);
        }
    }

    /** Collects one outcome per test, plus one for a test class that failed before its tests ran. */
    private static final class Listener implements TestExecutionListener {
        private final Set<String> ownClasses;
        private final Map<String, TestOutcome> outcomes = new LinkedHashMap<>();
        private final Map<String, StringBuilder> output = new LinkedHashMap<>();

        Listener(Set<String> ownClasses) {
            this.ownClasses = ownClasses;
        }

        @Override
        public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
            entry.getKeyValuePairs().forEach((key, value) -> {
                if (key.equals("stdout") || key.equals("stderr")) {
                    output.computeIfAbsent(id.getUniqueId(), k -> new StringBuilder()).append(value);
                }
            });
        }

        @Override
        public void executionSkipped(TestIdentifier id, String reason) {
            if (id.isTest()) {
                outcomes.put(id.getUniqueId(), new TestOutcome(name(id), Status.FAIL,
                        "skipped: " + reason, false, null, ""));
            }
        }

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            boolean failed = result.getStatus() != TestExecutionResult.Status.SUCCESSFUL;
            if (!id.isTest() && !(failed && id.getSource().isPresent()
                    && id.getSource().get() instanceof org.junit.platform.engine.support.descriptor.ClassSource)) {
                return;
            }
            String printed = output.getOrDefault(id.getUniqueId(), new StringBuilder()).toString();
            if (!failed) {
                outcomes.put(id.getUniqueId(), new TestOutcome(name(id), Status.PASS, null, false, null, printed));
                return;
            }
            Throwable t = result.getThrowable().orElse(null);
            boolean timedOut = t instanceof TimeoutException;
            Status status = t instanceof AssertionError ? Status.FAIL : Status.ERROR;
            outcomes.put(id.getUniqueId(), new TestOutcome(name(id), status, message(t, timedOut), timedOut,
                    location(t), printed));
        }

        private static String name(TestIdentifier id) {
            String name = id.getDisplayName();
            return name.endsWith("()") ? name.substring(0, name.length() - 2) : name;
        }

        private static String message(Throwable t, boolean timedOut) {
            if (t == null) {
                return "failed";
            }
            if (timedOut) {
                return "timed out: " + t.getMessage();
            }
            String text = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            return t instanceof AssertionError ? text : t.getClass().getSimpleName() + ": " + text;
        }

        /** The first stack frame in the exercise's own classes: the student's line or the assertion's. */
        private String location(Throwable t) {
            for (Throwable c = t; c != null; c = c.getCause()) {
                for (StackTraceElement frame : c.getStackTrace()) {
                    String outer = frame.getClassName().split("\\$")[0];
                    if (ownClasses.contains(outer) && frame.getFileName() != null) {
                        return frame.getFileName() + ":" + frame.getLineNumber();
                    }
                }
            }
            return null;
        }

        List<TestOutcome> outcomes() {
            return new ArrayList<>(outcomes.values());
        }
    }
}
