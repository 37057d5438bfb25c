package soma.parser;

import java.util.List;
import org.antlr.v4.runtime.Token;
import soma.parser.antlr.SomaLexer;

/**
 * Finds, in the tokens alone, a place nested too deeply for the parser: more than
 * {@link #MAX_BRACKETS} brackets open, or more than {@link #MAX_OPERATORS} operators in one
 * stretch of an expression without brackets (a 200,000-term sum, a chain of unary minus or of
 * powers). The parser recurses once per level, and its prediction looks ahead through a whole
 * statement, so such input would overflow its stack or take minutes before any error.
 */
final class NestingCheck {
    static final int MAX_BRACKETS = 1000;
    static final int MAX_OPERATORS = 1000;
    private static final List<String> OPERATORS = List.of(
            "+", "-", "*", "/", "%", "@", "^", "..", "<", "<=", ">", ">=", "==", "!=", "not", "!", "and", "&&", "or",
            "||", "else", ".");

    private NestingCheck() {}

    /** Where nesting became too deep (a character offset) and why. */
    record Problem(int offset, String message) {}

    /** The first place nested too deeply, or null. */
    static Problem find(List<Token> tokens) {
        int[] operators = new int[MAX_BRACKETS + 2];
        int depth = 0;
        for (Token t : tokens) {
            switch (t.getType()) {
                case SomaLexer.LPAREN, SomaLexer.LBRACK, SomaLexer.LBRACE -> {
                    if (++depth > MAX_BRACKETS) {
                        return new Problem(
                                t.getStartIndex(),
                                "brackets nested too deeply here (more than " + MAX_BRACKETS + " open)");
                    }
                    operators[depth] = 0;
                }
                case SomaLexer.RPAREN, SomaLexer.RBRACK, SomaLexer.RBRACE -> depth = Math.max(0, depth - 1);
                case SomaLexer.NL -> operators[depth] = 0;
                default -> {
                    String text = t.getText();
                    if (text.equals(",") || text.equals(";")) {
                        operators[depth] = 0;
                    } else if (OPERATORS.contains(text) && ++operators[depth] > MAX_OPERATORS) {
                        return new Problem(
                                t.getStartIndex(),
                                "expression too long here (more than " + MAX_OPERATORS
                                        + " operators without brackets)");
                    }
                }
            }
        }
        return null;
    }
}
