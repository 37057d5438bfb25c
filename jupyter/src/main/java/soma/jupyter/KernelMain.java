package soma.jupyter;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import soma.host.Contexts;

/**
 * {@code bin/soma --kernel CONNECTION_FILE}: a Jupyter kernel for one notebook session. Jupyter
 * starts it with the notebook's folder as the working directory, so {@code import} and relative
 * file names resolve next to the notebook.
 */
public final class KernelMain {
    private KernelMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println(
                    "usage: soma --kernel CONNECTION_FILE (Jupyter starts this; install with soma --install-kernel)");
            System.exit(2);
        }
        String json;
        try {
            json = Files.readString(Path.of(args[0]));
        } catch (IOException e) {
            System.err.println("soma: cannot read the connection file " + args[0] + ": " + e.getMessage());
            System.exit(1);
            return;
        }
        // the protocol library logs every message at INFO on loggers named after its classes
        // ("ShellChannel", ...): only problems belong in Jupyter's log
        Logger.getLogger("").setLevel(Level.WARNING);
        JupyterConnection connection = new JupyterConnection(KernelConnectionProperties.parse(json));
        SomaKernel kernel = new SomaKernel(Contexts.Settings.defaults());
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        connection.waitUntilClose();
        kernel.close();
        System.exit(0); // compiler and socket threads are not daemons
    }
}
