package soma.builtins.options;

import java.nio.file.Path;
import soma.builtins.Args;

/**
 * The training options that epi and a flow's fit share (epochs, iterations, batch, lr, seed,
 * checkpoint, resume), read and checked here once. A builtin without one of the optional ones
 * (fit has no epochs, seed or checkpoint) gets a neutral value: one epoch, seed 0, no files.
 */
public record TrainingOptions(int epochs, int iterations, int batch, double lr, long seed, Path checkpoint, Path resume) {

    public static TrainingOptions read(Args a) {
        int epochs = a.accepts("epochs") ? a.integer("epochs") : 1;
        if (epochs < 0) throw a.error("'epochs' must be at least 0, got " + epochs);
        int iterations = a.atLeast("iterations", 1);
        int batch = a.atLeast("batch", 1);
        double lr = a.positive("lr");
        long seed = a.accepts("seed") ? (long) a.num("seed") : 0;
        Path checkpoint = a.accepts("checkpoint") && a.given("checkpoint") ? Path.of(a.str("checkpoint")) : null;
        Path resume = null;
        if (a.accepts("resume")) {
            if (a.get("resume") instanceof String s) {
                resume = Path.of(s);
            } else if (a.bool("resume")) {
                if (checkpoint == null) throw a.error("resume: true continues from the checkpoint: also give checkpoint: \"file.json\"");
                resume = checkpoint;
            }
        }
        return new TrainingOptions(epochs, iterations, batch, lr, seed, checkpoint, resume);
    }
}
