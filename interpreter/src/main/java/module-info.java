/** The Soma language: the Truffle interpreter and the host helpers every front end uses (soma.host). */
module soma {
    requires java.logging;
    requires java.management;
    requires org.graalvm.truffle;
    requires org.graalvm.polyglot;
    requires org.antlr.antlr4.runtime;
    requires ejml.core;
    requires ejml.ddense;
    requires java.desktop;
    requires org.knowm.xchart;
    requires VectorGraphics2D;
    requires com.google.gson;
    requires org.apache.commons.csv;

    exports soma;
    exports soma.runtime;
    exports soma.host;
    exports soma.util;
    exports soma.plot;
    exports soma.flow;
    exports soma.display;
    exports soma.dist;

    opens soma.epi to
            com.google.gson;

    provides com.oracle.truffle.api.provider.TruffleLanguageProvider with
            soma.SomaLanguageProvider;
}
