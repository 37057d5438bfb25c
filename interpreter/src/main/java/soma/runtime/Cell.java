package soma.runtime;

/** The storage of one global name; {@code value == null} means declared but not yet defined. */
public final class Cell {
    public final String name;
    public Object value;

    Cell(String name) {
        this.name = name;
    }
}
