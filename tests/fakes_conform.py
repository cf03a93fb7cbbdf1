"""Read by pyright only (`make lint`), never collected by pytest: the fakes the GUI tests
drive must keep matching the Protocols the real service implements, or the UI tests
would pass against an API that no longer exists."""

from core.api import ChartsideApi, ModelsPart
from tests.ui.fake_api import FakeChartsideApi, FakeModelsPart

_fake: ChartsideApi = FakeChartsideApi()
_fake_models: ModelsPart = FakeModelsPart()
