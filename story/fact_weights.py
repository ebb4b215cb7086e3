"""The weights of ``fact_pairs.FEATURES``, in their order: logistic regression on the pairs of figures of
the dev stories ecb-12, ecb-18, ecb-20, ecb-38 (``scripts/fit_facts.py --write``; ecb-24 held out)."""

WEIGHTS = [-0.063, -0.810, 2.289, -0.216, -0.697, 2.383, -0.520, 0.864, -1.652, -0.330, -2.919, 2.647, 1.195, -2.555, 0.547, 0.475, 4.653, -0.228, 0.737, 1.116, -1.406, 3.920, -1.436, 1.399, 1.509, -1.667, 0.195, -1.452, -0.416, 0.199, -1.526, -0.775, 1.369, 0.660, 1.106, 0.312, 0.010, -0.648, -0.928, -0.993]
