package soma.builtins.options;

import com.oracle.truffle.api.TruffleFile;
import soma.builtins.Args;
import soma.io.guest.GuestFiles;

/**
 * The training options that epi and a flow's fit share (epochs, iterations, batch, lr, seed,
 * checkpoint, resume), read and checked here once. A builtin without one of the optional ones
 * (fit has no epochs, seed or checkpoint) gets a neutral value: one epoch, seed 0, no files.
 * Checkpoint files are the context's (see {@link GuestFiles}), so an embedder's I/O policy holds.
 */
public record TrainingOptions(
        int epochs, int iterations, int batch, double lr, long seed, TruffleFile checkpoint, TruffleFile resume) {

    public static TrainingOptions read(Args a) {
        int epochs = a.accepts("epochs") ? a.integer("epochs") : 1;
        if (epochs < 0) throw a.error("'epochs' must be at least 0, got " + epochs);
        int iterations = a.atLeast("iterations", 1);
        int batch = a.atLeast("batch", 1);
        double lr = a.positive("lr");
        long seed = a.accepts("seed") ? (long) a.num("seed") : 0;
        TruffleFile checkpoint = a.accepts("checkpoint") && a.given("checkpoint")
                ? GuestFiles.file(a.context().env(), a.str("checkpoint"))
                : null;
        TruffleFile resume = null;
        if (checkpoint == null && a.accepts("checkpoint") && a.accepts("epochs")) {
            // inside an ensemble task with checkpoint: (see Distribution.withTaskCheckpoint)
            String task = a.context().dist().nextTaskCheckpoint();
            if (task != null) {
                checkpoint = GuestFiles.file(a.context().env(), task);
                if (GuestFiles.exists(checkpoint)) resume = checkpoint;
            }
        }
        if (resume == null && a.accepts("resume")) {
            if (a.get("resume") instanceof String s) {
                resume = GuestFiles.file(a.context().env(), s);
            } else if (a.bool("resume")) {
                if (checkpoint == null)
                    throw a.error("resume: true continues from the checkpoint: also give checkpoint: \"file.json\"");
                resume = checkpoint;
            }
        }
        return new TrainingOptions(epochs, iterations, batch, lr, seed, checkpoint, resume);
    }
}
