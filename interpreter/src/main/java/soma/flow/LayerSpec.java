package soma.flow;

import java.util.Map;

/**
 * One layer as written in a flow declaration or read from a saved file: its kind, its options
 * (already evaluated: numbers, lists of numbers, strings), and the declaration line it came from
 * (a Truffle node, for error locations; null when read from a file).
 */
public record LayerSpec(String kind, Map<String, Object> options, Object origin) {
    public LayerSpec(String kind, Map<String, Object> options) {
        this(kind, options, null);
    }
}
