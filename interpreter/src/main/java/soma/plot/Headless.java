package soma.plot;

/**
 * Puts AWT into headless mode before any chart is built.
 *
 * <p>The interpreter runs in terminals, CI and servers with no display; without this the first
 * font or image operation may try to reach an X server and fail. The property only has an effect
 * if it is set before the AWT toolkit initialises, which is why every entry point that touches
 * AWT calls {@link #ensure()} from a static initializer. An explicit {@code -Djava.awt.headless=false}
 * on the command line is respected so an embedding GUI can still use this package.
 */
final class Headless {
    private Headless() {}

    static void ensure() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }
}
