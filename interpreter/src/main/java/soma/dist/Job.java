package soma.dist;

import java.util.List;
import java.util.function.IntFunction;

/**
 * One distributed call of a script run: what a worker needs to reach the same call by replaying
 * the script (its seed and arguments, the call's ordinal among the run's distributed calls, and
 * the results of the earlier ones), and the task function itself, which runs here when the
 * distributor runs tasks in this process.
 *
 * @param label what the call is, for progress and errors ("sweep", "ensemble")
 * @param ordinal 0 for the run's first distributed call, 1 for the next ...
 * @param earlier the results of calls 0 .. ordinal-1, each a list of task results
 * @param task computes task i in this context, as a {@link Wire} encoding; never throws a Soma error
 */
public record Job(
        String label,
        int ordinal,
        long seed,
        List<String> args,
        List<List<byte[]>> earlier,
        int tasks,
        IntFunction<byte[]> task) {}
