"""The health check that says which CPU kernels the answering model runs with."""

from __future__ import annotations

import pytest

from core.model_info import CpuKernels
from core.services.doctor import _kernels


@pytest.mark.parametrize(
    ("kernels", "detail"),
    [
        (CpuKernels("AVX2", 0, "AVX2"), "AVX2, one portable build"),
        (CpuKernels("AVX2", 0, None), "AVX2, one portable build"),
        (CpuKernels("AVX2", 0, "AVX-512"), "AVX2, one portable build; this CPU has AVX-512"),
        (CpuKernels("AVX-512", 7, "AVX-512"), "AVX-512, chosen at run time from 7 builds"),
    ],
)
def test_the_kernels_check_says_the_level_and_how_it_was_chosen(
    kernels: CpuKernels, detail: str
) -> None:
    check = _kernels(kernels)
    assert (check.name, check.ok, check.detail) == ("kernels", True, detail)
