"""The retrieval eval's data set; it lives in `bench/evalset/`. Kept so that older
imports of `bench.eval_data` keep working."""

from bench.evalset import MAX_TARGETS, EvalSet, Question, Target, build, mentions

__all__ = ["MAX_TARGETS", "EvalSet", "Question", "Target", "build", "mentions"]
