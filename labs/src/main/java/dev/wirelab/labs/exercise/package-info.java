/**
 * Classroom exercises that grade themselves: the manifest, the course on disk, the grader.
 *
 * <p>An exercise is a folder under {@code exercises/}: starter files with {@code // TODO:}
 * markers that a student edits, tests under {@code test/} that the student does not change,
 * and a README. {@code exercises/manifest.json} lists every exercise once ({@link Manifest},
 * {@link Exercise}); reference solutions live apart, in {@code solutions/<id>/}, so the
 * student edition can leave them out.
 *
 * <p>Grading happens inside the lab's own JVM, in seconds: {@link ExerciseCompiler} compiles
 * the student's files and the tests with {@code javax.tools} against the lab's class path,
 * and {@link TestRun} loads the classes in a fresh class loader and runs the tests through
 * the JUnit Platform Launcher, each with a time limit. {@link Grader} ties the two together
 * and returns a {@link Result}; {@link ExercismJson} writes results in the shape Exercism's
 * test runners use, so an instructor can collect a class's results with ordinary tools.
 * {@link Course} finds the folders and keeps the student's progress ({@link Progress}).
 */
package dev.wirelab.labs.exercise;
