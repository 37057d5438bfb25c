package soma.runtime;

/** Marks a parameter the caller did not pass; the callee then evaluates its default. */
public final class Missing {
    public static final Missing INSTANCE = new Missing();

    private Missing() {}
}
