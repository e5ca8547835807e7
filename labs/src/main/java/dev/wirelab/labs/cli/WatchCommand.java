package dev.wirelab.labs.cli;

import java.io.PrintWriter;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.wirelab.labs.exercise.Course;
import dev.wirelab.labs.exercise.Exercise;
import dev.wirelab.labs.exercise.Progress;
import dev.wirelab.labs.exercise.Result;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lab watch}: check the current exercise, then again every time one of its files is
 * saved; when it passes, move on to the next. Ctrl-C stops it: a shutdown hook closes the
 * {@link WatchService}, the loop sees it closed and the command ends with one line.
 */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Re-check the current exercise on every save (Ctrl-C to leave).")
public final class WatchCommand implements Callable<Integer> {

    /** Several saves in quick succession (an editor's write and rename) make one check. */
    private static final long SETTLE_MILLIS = 200;

    @Option(names = "--max-checks", hidden = true, defaultValue = "0",
            description = "Stop after this many checks (tests use it; 0 = until Ctrl-C).")
    int maxChecks;

    @CommandLine.Mixin
    CourseDir where = new CourseDir();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Course course = where.course();
        PrintWriter out = spec.commandLine().getOut();
        Progress progress = course.progress();
        try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
            // Ctrl-C: close the watcher, then give the loop a moment to say goodbye before the JVM halts.
            CountDownLatch finished = new CountDownLatch(1);
            Thread hook = new Thread(() -> {
                close(watcher);
                try {
                    finished.await(1, TimeUnit.SECONDS);
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            }, "lab-watch-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                return loop(course, progress, watcher, out);
            } catch (ClosedWatchServiceException stopped) {
                out.println();
                out.println("lab watch: stopped. Your progress is saved; lab list shows it.");
                return 0;
            } finally {
                out.flush();
                finished.countDown();
                removeHook(hook);
            }
        }
    }

    private int loop(Course course, Progress progress, WatchService watcher, PrintWriter out) throws Exception {
        int checks = 0;
        Set<Path> watched = new HashSet<>();
        while (true) {
            Optional<Exercise> current = course.next(progress);
            if (current.isEmpty()) {
                out.println("Every exercise is done. lab check --all grades them all again.");
                return 0;
            }
            Exercise e = current.get();
            Result r = CheckCommand.checkOne(course, progress, e, out, true);
            checks++;
            if (maxChecks > 0 && checks >= maxChecks) {
                return r.passedAll() ? 0 : 1;
            }
            if (r.passedAll()) {
                continue;
            }
            watch(course, e, watcher, watched);
            out.println("Watching " + e.id() + ": save a file to check again (Ctrl-C to leave).");
            out.flush();
            awaitSave(course, e, watcher);
            out.println();
        }
    }

    /** Registers the folders that hold the exercise's files (once each). */
    private static void watch(Course course, Exercise e, WatchService watcher, Set<Path> watched) throws Exception {
        for (String f : e.files()) {
            Path dir = course.dir(e).resolve(f).getParent();
            if (watched.add(dir)) {
                dir.register(watcher, StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_CREATE);
            }
        }
    }

    /** Blocks until a .java file of this exercise changes, then lets a burst of events settle. */
    private static void awaitSave(Course course, Exercise e, WatchService watcher) throws Exception {
        while (true) {
            WatchKey key = watcher.take();
            boolean relevant = false;
            Path dir = (Path) key.watchable();
            for (var event : key.pollEvents()) {
                if (event.context() instanceof Path name && name.toString().endsWith(".java")
                        && dir.startsWith(course.dir(e))) {
                    relevant = true;
                }
            }
            key.reset();
            if (relevant) {
                // Drain what the same save produced a moment later.
                WatchKey more;
                while ((more = watcher.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    more.pollEvents();
                    more.reset();
                }
                return;
            }
        }
    }

    private static void close(WatchService watcher) {
        try {
            watcher.close();
        } catch (Exception ignored) {
            // Closing is all Ctrl-C needs; there is nothing else to undo.
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C: the JVM is already running the hook.
        }
    }
}
