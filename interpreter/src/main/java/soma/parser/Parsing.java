package soma.parser;

import com.oracle.truffle.api.source.Source;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import soma.SomaLanguage;
import soma.nodes.ProgramRootNode;
import soma.parser.antlr.SomaLexer;
import soma.parser.antlr.SomaParser;

/** Source text to Truffle AST: ANTLR parses, {@link AstBuilder} builds nodes with source sections. */
public final class Parsing {
    private Parsing() {}

    public static ProgramRootNode parseProgram(SomaLanguage language, Source source, boolean echo) {
        String text = source.getCharacters().toString();
        Diagnostics diagnostics = new Diagnostics(source);
        SomaParser parser = parser(text, diagnostics, 0);
        SomaParser.ProgramContext tree = parser.program();
        if (diagnostics.hasErrors()) throw diagnostics.toException();
        AstBuilder builder = new AstBuilder(language, source, diagnostics);
        ProgramRootNode root = builder.buildProgram(tree, echo);
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
}
