package soma.parser;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;
import soma.parser.antlr.SomaLexer;

/** Turns ANTLR's reports into Soma diagnostics, with shorter messages than ANTLR's defaults. */
final class ErrorListener extends BaseErrorListener {
    private final Diagnostics diagnostics;
    private final int baseOffset;
    private final int[] lineStarts;

    /** @param text the text being parsed (for lexer errors, which only carry line and column) */
    ErrorListener(Diagnostics diagnostics, int baseOffset, String text) {
        this.diagnostics = diagnostics;
        this.baseOffset = baseOffset;
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') starts.add(i + 1);
        }
        this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public void syntaxError(
            Recognizer<?, ?> recognizer,
            Object offendingSymbol,
            int line,
            int col,
            String msg,
            RecognitionException e) {
        if (offendingSymbol instanceof Token t
                && t.getType() == Token.EOF
                && recognizer instanceof Parser p
                && p.getInputStream().getTokenSource() instanceof SomaLexer lexer
                && lexer.openBracket() >= 0) {
            // The input ended inside a bracket: the bracket left open is the place to fix.
            int at = lexer.openBracket();
            diagnostics.error(
                    baseOffset + at,
                    1,
                    "'" + lexer.getInputStream().getText(Interval.of(at, at)) + "' is never closed");
        } else if (offendingSymbol instanceof Token t && t.getStartIndex() >= 0) {
            int length = Math.max(1, t.getStopIndex() - t.getStartIndex() + 1);
            diagnostics.error(baseOffset + t.getStartIndex(), t.getType() == Token.EOF ? 0 : length, describe(t, msg));
        } else {
            int start = (line - 1 < lineStarts.length && line >= 1 ? lineStarts[line - 1] : 0) + col;
            diagnostics.error(baseOffset + start, 1, msg);
        }
    }

    private static String describe(Token t, String msg) {
        String text = t.getType() == Token.EOF
                ? "end of input"
                : t.getType() == SomaLexer.NL ? "end of line" : "'" + t.getText() + "'";
        if (t.getType() == SomaLexer.UNKNOWN) {
            if (t.getText().equals("\"")) return "unterminated string";
            int c = t.getText().codePointAt(0);
            boolean visible = !Character.isISOControl(c)
                    && !Character.isWhitespace(c)
                    && Character.getType(c) != Character.FORMAT;
            return "unexpected character " + (visible ? text : String.format("U+%04X", c));
        }
        if (t.getType() == SomaLexer.BAD_NUMBER) {
            return "malformed number '" + t.getText() + "': an underscore goes between two digits (1_000)";
        }
        int expecting = msg.indexOf("expecting ");
        if (expecting >= 0) {
            String what = msg.substring(expecting + "expecting ".length());
            boolean small = !what.startsWith("{") || what.split(",").length <= 4;
            String expectation = what.replace("NL", "end of line")
                    .replace("<EOF>", "end of input")
                    .replace("ID", "a name");
            return "unexpected " + text + (small ? ", expecting " + expectation : "");
        }
        if (msg.startsWith("extraneous input")
                || msg.startsWith("mismatched input")
                || msg.startsWith("no viable alternative")) {
            return "unexpected " + text;
        }
        if (msg.startsWith("missing ")) {
            String what = msg.substring(0, msg.indexOf(" at ") > 0 ? msg.indexOf(" at ") : msg.length());
            return what.replace("NL", "end of line").replace("<EOF>", "end of input") + " before " + text;
        }
        return msg;
    }
}
