package soma.jupyter;

import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.util.Base64;
import java.util.UUID;
import soma.display.Frontend;
import soma.plot.Figure;

/**
 * Rich output of the running cell: plots as display_data (PNG, and SVG when it is small enough
 * to be worth the notebook's size), the last value as the cell's result (text and HTML), and
 * progress as one display updated in place.
 */
final class CellOutput implements Frontend {
    /** Above this an SVG (a long trace has one path point per sample) bloats the notebook: PNG only. */
    static final int SVG_LIMIT = 512 * 1024;

    private final BaseKernel kernel;
    private DisplayData result;

    CellOutput(BaseKernel kernel) {
        this.kernel = kernel;
    }

    /** The value shown as the cell's Out[N], if its last statement was an expression. */
    DisplayData takeResult() {
        DisplayData r = result;
        result = null;
        return r;
    }

    @Override
    public void figure(Figure figure) {
        DisplayData data = new DisplayData(figure.title().isEmpty() ? "<plot>" : "<plot: " + figure.title() + ">");
        data.putData("image/png", Base64.getEncoder().encodeToString(figure.toPng()));
        String svg = figure.toSvg();
        if (svg.length() <= SVG_LIMIT) data.putSVG(svg);
        sendUninterrupted(() -> {
            System.out.flush(); // text printed before the plot stays above it
            kernel.display(data);
        });
    }

    /**
     * Runs a send to the notebook with the thread's interrupt flag cleared, and sets the flag again
     * afterwards. JeroMQ fails a send on an interrupted thread (ZMQException: Errno 4), and an
     * interrupt (the notebook's stop button, a context interrupt) can arrive between a batch's
     * interruptible wait and a plot or progress update: the update goes out, and the next wait
     * still stops the cell as interrupted.
     */
    private static void sendUninterrupted(Runnable send) {
        boolean interrupted = Thread.interrupted();
        try {
            send.run();
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    @Override
    public void value(String plain, String html) {
        DisplayData data = new DisplayData(plain);
        data.putHTML(html);
        result = data;
    }

    @Override
    public ProgressView progress() {
        String id = "soma-progress-" + UUID.randomUUID();
        return new ProgressView() {
            private boolean shown;

            @Override
            public void show(String text) {
                DisplayData data = new DisplayData(text);
                data.setDisplayId(id);
                sendUninterrupted(() -> {
                    if (shown) {
                        kernel.getIO().display.updateDisplay(data);
                    } else {
                        System.out.flush();
                        kernel.display(data);
                        shown = true;
                    }
                });
            }

            @Override
            public void close() {
                if (shown) show(""); // finished work leaves no stale bar behind
            }
        };
    }
}
