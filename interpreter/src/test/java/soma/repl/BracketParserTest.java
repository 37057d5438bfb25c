package soma.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
