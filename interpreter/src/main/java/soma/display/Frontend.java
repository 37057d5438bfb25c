package soma.display;

import soma.plot.Figure;

/**
 * A front end that shows results richly instead of as terminal text: the Jupyter kernel installs
 * one. Without it (scripts, the REPL) plots preview as braille, values echo as text and progress
 * draws a bar on the terminal.
 */
public interface Frontend {
    /** Shows a finished plot in the output (e.g. as PNG and SVG under the cell). */
    void figure(Figure figure);

    /** Shows the value of the input's last expression: its REPL text and an HTML form. */
    void value(String plain, String html);

    /** A line of progress that each {@link ProgressView#show} replaces in place. */
    ProgressView progress();

    /** One progress display, updated in place. */
    interface ProgressView {
        void show(String text);

        /** The work ended: the display is removed (or left as its last state). */
        void close();
    }
}
