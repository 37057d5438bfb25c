package soma.model;

/**
 * The names of forward sensitivities: for each parameter p, the tangent state dX/dp of a state X
 * is named "dX/dp". The tangent system itself is built by {@link soma.model.diff.TangentSystem}.
 */
public final class Sensitivity {
    private Sensitivity() {}

    public static String tangentName(String state, String param) {
        return "d" + state + "/d" + param;
    }

    public static boolean isTangent(String state) {
        return state.contains("/d");
    }

    public static String baseState(String tangent) {
        return tangent.substring(1, tangent.indexOf("/d"));
    }
}
