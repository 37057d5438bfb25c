/** The Soma language: a Truffle interpreter plus its launcher and REPL. */
module soma {
    requires java.logging;
    requires org.graalvm.truffle;
    requires org.graalvm.polyglot;
    requires org.antlr.antlr4.runtime;
    requires org.jline;
    requires ejml.core;
    requires ejml.ddense;
    requires java.desktop;
    requires org.knowm.xchart;
    requires VectorGraphics2D;
    requires com.google.gson;
    requires org.apache.commons.csv;
    requires jdk.unsupported; // sun.misc.Signal: Ctrl-C in a script stops training gracefully

    exports soma;
    exports soma.runtime;
    exports soma.launcher;
    exports soma.util;
    exports soma.plot;
    exports soma.flow;
    exports soma.display;
    opens soma.epi to com.google.gson;

    provides com.oracle.truffle.api.provider.TruffleLanguageProvider with soma.SomaLanguageProvider;
}
