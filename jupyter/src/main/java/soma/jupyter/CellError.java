package soma.jupyter;

import java.util.List;

/**
 * A cell that failed: the Soma error as the launcher prints it (cell[N]:line:col, the line, a
 * caret, the Soma call trace). Its simple class name is the error's name in the notebook.
 */
final class CellError extends Exception {
    final List<String> lines;

    CellError(List<String> lines) {
        super(lines.isEmpty() ? "error" : lines.get(0), null, false, false);
        this.lines = lines;
    }
}
