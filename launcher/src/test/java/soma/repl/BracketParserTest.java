package soma.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jline.reader.Parser.ParseContext;
import org.junit.jupiter.api.Test;

class BracketParserTest {
    @Test
    void countsOpenBracketsOutsideStringsAndComments() {
        assertEquals(1, BracketParser.openBrackets("fn f(x) {"));
        assertEquals(0, BracketParser.openBrackets("fn f(x) { x }"));
        assertEquals(2, BracketParser.openBrackets("print([1,"));
        assertEquals(0, BracketParser.openBrackets("print(\"(\")"));
        assertEquals(0, BracketParser.openBrackets("let a = 1 # (unclosed in a comment"));
        assertEquals(1, BracketParser.openBrackets("print(\"open string"));
    }

    @Test
    void completesTheNameRightAfterABracketOrComma() {
        BracketParser p = new BracketParser();
        assertEquals("lin", p.parse("print(lin", 9, ParseContext.COMPLETE).word());
        assertEquals("ra", p.parse("f(1,ra", 6, ParseContext.COMPLETE).word());
        assertEquals("x_1", p.parse("[x_1", 4, ParseContext.COMPLETE).word());
        assertEquals("abs", p.parse("abs", 3, ParseContext.COMPLETE).word());
    }
}
