package soma.dist;

import java.util.List;

/**
 * Runs the independent tasks of one distributed call ({@code sweep}'s partitions, {@code ensemble}'s
 * runs). The default runs them in this process ({@link LocalDistributor}); the Spark module installs
 * one that ships them to a cluster ({@link Distribution#install}). Each task's result is a
 * {@link Wire} encoding (a value or a Soma error), in task order.
 */
public interface Distributor {
    /** Into how many contiguous partitions a sweep of {@code samples} samples is split (1: one batch). */
    int sweepPartitions(int samples);

    List<byte[]> run(Job job);
}
