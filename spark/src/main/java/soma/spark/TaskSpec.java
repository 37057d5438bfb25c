package soma.spark;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * What every task of one distributed call carries (broadcast once per call): the script to replay
 * (its path, so imports resolve as on the driver, and its text, so every worker runs the same
 * code), the run's seed and program arguments, the call's ordinal and the results of the calls
 * before it. {@code key} identifies the replay, so that a worker's contexts parked at this call
 * serve every task of it.
 */
record TaskSpec(
        String path,
        String name,
        String text,
        long seed,
        List<String> args,
        int ordinal,
        List<List<byte[]>> earlier,
        String label,
        int tasks,
        String key)
        implements Serializable {

    static TaskSpec of(
            Script script,
            long seed,
            List<String> args,
            int ordinal,
            List<List<byte[]>> earlier,
            String label,
            int tasks) {
        List<List<byte[]>> copy = new ArrayList<>();
        for (List<byte[]> call : earlier) copy.add(new ArrayList<>(call));
        String key = digest(script, seed, args, ordinal, copy);
        return new TaskSpec(
                script.path(),
                script.name(),
                script.text(),
                seed,
                new ArrayList<>(args),
                ordinal,
                copy,
                label,
                tasks,
                key);
    }

    private static String digest(Script s, long seed, List<String> args, int ordinal, List<List<byte[]>> earlier) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update((s.path() + "\0" + s.name() + "\0" + s.text() + "\0" + seed + "\0" + args + "\0" + ordinal)
                    .getBytes(StandardCharsets.UTF_8));
            for (List<byte[]> call : earlier) {
                md.update((byte) 1);
                for (byte[] r : call) md.update(r);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
