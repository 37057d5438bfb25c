package soma.model.passes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import soma.model.ir.ModelSource;

/**
 * Definitions ordered so that each comes after those it uses (a depth-first topological sort,
 * in declaration order); a cycle is a problem at the definition where it was entered.
 */
public final class DefinitionOrder {
    private enum Mark {
        IN_PROGRESS,
        DONE
    }

    private final Map<String, ModelSource.Definition> definitions;
    private final List<Problem> problems;
    private final Map<String, Mark> marks = new HashMap<>();
    private final List<String> order = new ArrayList<>();

    private DefinitionOrder(Map<String, ModelSource.Definition> definitions, List<Problem> problems) {
        this.definitions = definitions;
        this.problems = problems;
    }

    /** @param definitions by name, in declaration order */
    public static List<String> of(Map<String, ModelSource.Definition> definitions, List<Problem> problems) {
        DefinitionOrder sort = new DefinitionOrder(definitions, problems);
        for (String name : definitions.keySet()) sort.visit(name, new ArrayList<>());
        return sort.order;
    }

    private void visit(String name, List<String> path) {
        Mark mark = marks.get(name);
        if (mark == Mark.DONE) return;
        path.add(name);
        if (mark == Mark.IN_PROGRESS) {
            List<String> cycle = path.subList(path.indexOf(name), path.size());
            problems.add(new Problem(
                    definitions.get(name).span(),
                    "definitions depend on each other in a cycle: " + String.join(" -> ", cycle)));
            path.removeLast();
            return;
        }
        marks.put(name, Mark.IN_PROGRESS);
        for (String used : References.of(definitions.get(name).value())) {
            if (definitions.containsKey(used)) visit(used, path);
        }
        marks.put(name, Mark.DONE);
        path.removeLast();
        order.add(name);
    }
}
