package soma.numerics;

import soma.model.nodes.Rhs;
import soma.runtime.SomaError;

/** The integration methods by name, with how many stage arrays each needs. */
public enum Method {
    EULER(1),
    RK4(4),
    DOPRI5(8);

    final int stages;

    Method(int stages) {
        this.stages = stages;
    }

    public boolean adaptive() {
        return this == DOPRI5;
    }

    StepNode step(Rhs rhs) {
        return switch (this) {
            case EULER -> new FixedStep.Euler(rhs);
            case RK4 -> new FixedStep.Rk4(rhs);
            case DOPRI5 -> new Dopri5(rhs);
        };
    }

    public static Method named(String name) {
        return switch (name) {
            case "euler" -> EULER;
            case "rk4" -> RK4;
            case "dopri5", "rk45" -> DOPRI5;
            default -> throw new SomaError("simulate: unknown method '" + name + "' (euler, rk4 or dopri5)");
        };
    }
}
