/**
 * Plotting for the Soma interpreter: charts saved as PNG or SVG, and text previews for terminals.
 *
 * <p>Entry points: {@link soma.plot.Charts} (line, scatter, histogram, hist2d, heatmap,
 * pairplot; each returns a {@link soma.plot.Figure} with {@code save(Path)}), {@link
 * soma.plot.BraillePreview} (String previews) and {@link soma.plot.PlotSpec} (options).
 *
 * <p>Inputs are plain {@code double[]} / {@code double[][]}; the interpreter converts its tensors.
 * NaN/Inf points are skipped and counted (see {@link soma.plot.Figure#skippedPoints()}); missing or
 * empty input throws {@link IllegalArgumentException}. Rendering is done by XChart 3.8.8 (with
 * VectorGraphics2D for SVG) in AWT headless mode, which the package switches on itself.
 */
package soma.plot;
