package soma.plot;

import java.util.Locale;

/** Output formats, chosen from a file name's extension so callers never pass a format flag. */
enum PlotFormat {
    PNG,
    SVG;

    static PlotFormat fromName(String fileName) {
        String name = fileName == null ? "" : fileName.substring(fileName.lastIndexOf('/') + 1);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("no file name given for the plot");
        }
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot).toLowerCase(Locale.ROOT);
        return switch (ext) {
            case ".png" -> PNG;
            case ".svg" -> SVG;
            default ->
                throw new IllegalArgumentException(
                        "unsupported plot format '" + (ext.isEmpty() ? name : ext) + "' (use .png or .svg)");
        };
    }
}
