package soma.runtime;

import java.util.List;

/** A value with named fields readable as {@code x.name} (trajectories, results, models). */
public interface HasFields {
    /** The field's value, or null if there is no such field. */
    Object field(String name);

    /** Field names, for error messages and completion. */
    List<String> fieldNames();
}
