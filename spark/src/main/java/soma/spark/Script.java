package soma.spark;

import java.io.Serializable;

/**
 * The code a run evaluates, as workers replay it: a script file (path absolute, so that its imports
 * resolve on a worker as on the driver) or code given with -e (path null).
 */
record Script(String path, String name, String text) implements Serializable {}
