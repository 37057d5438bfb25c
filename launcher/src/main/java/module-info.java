/** bin/soma's Java side: the command line (scripts, -e, the notebook kernel's installer) and the jline REPL. */
module soma.launcher {
    requires soma;
    requires org.graalvm.polyglot;
    requires org.jline;
    requires com.google.gson; // the kernel spec the installer writes
    requires jdk.unsupported; // sun.misc.Signal: Ctrl-C in a script stops training gracefully

    exports soma.launcher;
}
