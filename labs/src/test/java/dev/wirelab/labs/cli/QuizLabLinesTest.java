package dev.wirelab.labs.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.wirelab.labs.bench.BenchSuite;
import dev.wirelab.labs.quiz.Chapter;
import dev.wirelab.labs.quiz.Question;
import dev.wirelab.labs.quiz.QuizBank;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * A quiz question that says "the lab shows this: ./lab bench parsing" must name a command
 * that exists, or the student is sent nowhere. This keeps the quizzes and the CLI in step.
 */
class QuizLabLinesTest {

    @Test
    void everyLabCommandNamedInAQuizExists() throws Exception {
        List<String> checked = new ArrayList<>();
        for (Chapter chapter : QuizBank.locate().chapters()) {
            for (Question q : chapter.questions()) {
                if (q.lab().isEmpty() || !q.lab().get().startsWith("./lab ")) {
                    continue; // an outside tool (perf, ethtool) or nothing
                }
                String line = q.lab().get();
                String[] args = line.substring("./lab ".length()).trim().split("\\s+");
                CommandLine cli = LabCli.commandLine(new ByteArrayInputStream(new byte[0]));
                CommandLine.ParseResult parsed = cli.parseArgs(args); // throws on an unknown command or option
                assertTrue(parsed.hasSubcommand(), chapter.name() + " #" + q.number() + ": '" + line + "' names no command");
                if (args[0].equals("bench")) {
                    BenchSuite.parse(args[1]); // throws on an unknown suite
                }
                checked.add(line);
            }
        }
        assertFalse(checked.isEmpty(), "no quiz names a lab command: the check above checked nothing");
        assertTrue(checked.stream().anyMatch(l -> l.startsWith("./lab bench")), checked.toString());
        assertTrue(Arrays.asList(checked.toArray()).contains("./lab tune"), checked.toString());
    }
}
