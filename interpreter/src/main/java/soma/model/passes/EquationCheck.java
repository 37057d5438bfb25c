package soma.model.passes;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import soma.model.ir.ModelSource;

/** Every equation is for a state that is not an input, and every such state has an equation. */
public final class EquationCheck {
    private EquationCheck() {}

    public static void check(ModelSource model, List<Problem> problems) {
        List<String> stateNames =
                model.states().stream().map(ModelSource.State::name).toList();
        Set<String> inputs = new HashSet<>();
        for (ModelSource.State s : model.states()) if (s.input()) inputs.add(s.name());
        Set<String> covered = new HashSet<>();
        for (ModelSource.Equation e : model.equations()) {
            if (!stateNames.contains(e.state())) {
                problems.add(new Problem(
                        e.target(),
                        "equation for '" + e.state() + "', which is not a state of " + model.name()
                                + (stateNames.isEmpty() ? "" : " (states: " + String.join(", ", stateNames) + ")")));
            } else if (inputs.contains(e.state())) {
                problems.add(new Problem(e.target(), "'" + e.state() + "' is an input; inputs have no equations"));
            }
            covered.add(e.state());
        }
        for (ModelSource.State s : model.states()) {
            if (!s.input() && !covered.contains(s.name())) {
                problems.add(new Problem(
                        s.span(), "state '" + s.name() + "' has no equation (add d" + s.name() + "/dt = ...)"));
            }
        }
    }
}
