package soma.parser;

import com.oracle.truffle.api.source.Source;
import java.util.ArrayDeque;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import soma.SomaLanguage;
import soma.nodes.ProgramRootNode;
import soma.parser.antlr.SomaLexer;
import soma.parser.antlr.SomaParser;

/** Source text to Truffle AST: ANTLR parses, {@link AstBuilder} builds nodes with source sections. */
public final class Parsing {
    /**
     * Deepest parse tree accepted. The parser, the AST builder and the interpreter all recurse once
     * per level, so a deeper program would overflow the Java stack somewhere less clear; a nested
     * call costs about three levels, so this still allows calls nested 1000 deep.
     */
    static final int MAX_DEPTH = 3000;

    private Parsing() {}

    public static ProgramRootNode parseProgram(SomaLanguage language, Source source, boolean echo) {
        String text = source.getCharacters().toString();
        // A UTF-8 byte-order mark is not part of the program; a space keeps every offset in place.
        if (text.startsWith("\uFEFF")) text = " " + text.substring(1);
        Diagnostics diagnostics = new Diagnostics(source);
        SomaParser parser = parser(text, diagnostics, 0);
        // Nesting too deep for the parser is found in the tokens alone, before the parser recurses into it.
        CommonTokenStream tokens = (CommonTokenStream) parser.getTokenStream();
        tokens.fill();
        NestingCheck.Problem problem = NestingCheck.find(tokens.getTokens());
        if (problem != null) {
            diagnostics.error(problem.offset(), 1, problem.message() + ": split it into steps with let");
            throw diagnostics.toException();
        }
        SomaParser.ProgramContext tree;
        try {
            tree = parser.program();
        } catch (StackOverflowError e) {
            tooDeep(diagnostics, parser.getCurrentToken());
            throw diagnostics.toException();
        }
        if (diagnostics.hasErrors()) throw diagnostics.toException();
        checkDepth(tree, diagnostics);
        if (diagnostics.hasErrors()) throw diagnostics.toException();
        AstBuilder builder = new AstBuilder(language, source, diagnostics);
        ProgramRootNode root;
        try {
            root = builder.buildProgram(tree, echo);
        } catch (StackOverflowError e) {
            tooDeep(diagnostics, tree.getStart());
            throw diagnostics.toException();
        }
        if (diagnostics.hasErrors()) throw diagnostics.toException();
        return root;
    }

    /** A parser over {@code text}, whose offsets are {@code baseOffset} into the source. */
    static SomaParser parser(String text, Diagnostics diagnostics, int baseOffset) {
        ErrorListener listener = new ErrorListener(diagnostics, baseOffset, text);
        SomaLexer lexer = new SomaLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        lexer.addErrorListener(listener);
        SomaParser parser = new SomaParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.addErrorListener(listener);
        return parser;
    }

    /** Reports the first place where the parse tree is deeper than {@link #MAX_DEPTH}, walking it without recursion. */
    private static void checkDepth(ParseTree tree, Diagnostics diagnostics) {
        ArrayDeque<ParseTree> nodes = new ArrayDeque<>();
        ArrayDeque<Integer> depths = new ArrayDeque<>();
        nodes.push(tree);
        depths.push(0);
        while (!nodes.isEmpty()) {
            ParseTree t = nodes.pop();
            int depth = depths.pop();
            if (depth > MAX_DEPTH && t instanceof ParserRuleContext c) {
                tooDeep(diagnostics, c.getStart());
                return;
            }
            for (int i = t.getChildCount() - 1; i >= 0; i--) {
                nodes.push(t.getChild(i));
                depths.push(depth + 1);
            }
        }
    }

    private static void tooDeep(Diagnostics diagnostics, Token at) {
        int start = at == null ? 0 : Math.max(0, at.getStartIndex());
        diagnostics.error(
                start,
                1,
                "nesting too deep here (brackets, calls or operators inside one another): split it into steps with let");
    }
}
