package dev.wirelab.labs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TextTableTest {

    private final TextTable table = new TextTable("variant", "msgs/s", "ratio")
            .row("nio", "812,000", "1.00×")
            .row("akka", "95,500", "0.12×");

    /** Text columns align left, numbers right, and no line ends in blanks. */
    @Test
    void alignsTextLeftAndNumbersRight() {
        assertEquals("""
                variant   msgs/s  ratio
                -------  -------  -----
                nio      812,000  1.00×
                akka      95,500  0.12×
                """, table.toTerminal());
    }

    @Test
    void rendersMarkdownAndEscapesPipes() {
        String md = new TextTable("a", "b").row("x|y", 1).toMarkdown();
        assertEquals("""
                | a | b |
                |---|---|
                | x\\|y | 1 |
                """, md);
    }

    /** A row with the wrong number of cells is a programming error caught at once. */
    @Test
    void rejectsRowOfWrongWidth() {
        assertThrows(IllegalArgumentException.class, () -> table.row("only one"));
    }
}
