package soma.host;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GraalVM's tools on the command line: {@code --cpusampler}, {@code --inspect}, {@code --dap},
 * each switched on as an engine option of the same name. {@code --inspect=9230} and
 * {@code --dap=4712} choose the port; {@code --cpusampler=calltree} the output; any
 * {@code --cpusampler.Name=value} (or {@code inspect.}, {@code dap.}) passes a tool option through.
 */
public final class Tools {
    private static final String[] TOOLS = {"cpusampler", "inspect", "dap"};

    private final Map<String, String> options = new LinkedHashMap<>();

    /** True (and remembered) when {@code arg} is a tool option. */
    public boolean accept(String arg) {
        if (!arg.startsWith("--")) return false;
        String option = arg.substring(2);
        int eq = option.indexOf('=');
        String name = eq < 0 ? option : option.substring(0, eq);
        String value = eq < 0 ? null : option.substring(eq + 1);
        for (String tool : TOOLS) {
            if (name.equals(tool)) {
                switchOn(tool, value);
                return true;
            }
            if (name.startsWith(tool + ".") && value != null) {
                options.put(name, value);
                return true;
            }
        }
        return false;
    }

    private void switchOn(String tool, String value) {
        switch (tool) {
            case "cpusampler" -> {
                options.put("cpusampler", "true");
                if (value != null) options.put("cpusampler.Output", value);
            }
            // the debuggers wait for their client before the first statement runs
            case "inspect" -> options.put("inspect", value == null ? "true" : value);
            case "dap" -> {
                options.put("dap", value == null ? "true" : value);
                options.putIfAbsent("dap.WaitAttached", "true");
            }
            default -> throw new IllegalStateException(tool);
        }
    }

    public Map<String, String> options() {
        return options;
    }
}
