package soma.builtins;

import soma.random.Rng;
import soma.runtime.Nil;
import soma.runtime.SomaError;
import soma.runtime.TensorHooks;
import soma.tensor.Index;
import soma.tensor.Tensor;
import soma.tensor.TensorFields;

/**
 * Random numbers from the context's one seeded generator (xoshiro256**, see {@link Rng}): the
 * same seed gives the same numbers on every run and machine. With no shape, a sampler returns
 * one number.
 */
final class RandomBuiltins {
    private RandomBuiltins() {}

    static void register(Builtins r) {
        r.def("seed(n)", "restart the random generator from seed n (a whole number)", a -> {
            a.context().rng().seed((long) a.integer("n"));
            return Nil.INSTANCE;
        });
        r.defRandom(
                "randn(...shape)",
                "standard normal samples, e.g. randn(500, 500); randn() is one number",
                a -> TensorFields.unwrap(rng(a).randn(Shapes.of(a, "shape", "randn"))));
        r.defRandom(
                "rand(...shape)",
                "uniform samples in [0, 1)",
                a -> TensorFields.unwrap(rng(a).rand(Shapes.of(a, "shape", "rand"))));
        r.defRandom(
                "normal(mean = 0, std = 1, shape = [])",
                "normal samples with the given mean and standard deviation",
                a -> TensorFields.unwrap(
                        rng(a).normal(a.num("mean"), a.num("std"), Shapes.dims(a.get("shape"), "normal"))));
        r.defRandom(
                "uniform(a = 0, b = 1, shape = [])",
                "uniform samples in [a, b)",
                a -> TensorFields.unwrap(
                        rng(a).uniform(a.num("a"), a.num("b"), Shapes.dims(a.get("shape"), "uniform"))));
        r.defRandom(
                "randint(lo, hi, shape = [])",
                "whole numbers uniform in [lo, hi)",
                a -> TensorFields.unwrap(
                        rng(a).randint(a.integer("lo"), a.integer("hi"), Shapes.dims(a.get("shape"), "randint"))));
        r.defRandom("permutation(x)", "a random ordering of 0..x-1 (x a number) or of the elements of x", a -> {
            if (a.get("x") instanceof Double) return rng(a).permutation(a.integer("x"));
            Tensor t = TensorBuiltins.tensor(a, "x");
            if (t.rank() == 0) throw new SomaError("permutation: needs a number or a tensor with at least one axis");
            return t.get(Index.take(rng(a).permutation(t.shape()[0])));
        });
        r.defRandom(
                "choice(xs, k = nil, replace = true)",
                "k random elements of xs (or of 0..xs-1); one element when k is nil",
                a -> {
                    int k = a.given("k") ? a.integer("k") : 1;
                    Tensor picked = a.get("xs") instanceof Double
                            ? rng(a).choice(a.integer("xs"), k, a.bool("replace"))
                            : rng(a).choice(
                                            TensorHooks.toTensor(a.get("xs"), "choice: xs")
                                                    .flatten(),
                                            k,
                                            a.bool("replace"));
                    return a.given("k") ? picked : TensorFields.unwrap(picked.get(Index.at(0)));
                });
    }

    private static Rng rng(Args a) {
        return a.context().rng();
    }
}
