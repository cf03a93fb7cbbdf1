"""Issue 28: a workspace whose notes are mostly Hebrew, searched with the English default,
is offered the multilingual embedder after unlock: the reason, and one click. "Not now"
tells the service, which remembers it; nothing is offered when there is no advice."""

from __future__ import annotations

from collections.abc import Callable

from fake_api import FAKE_PASSPHRASE, FakeChartsideApi
from gui_driver import GuiDriver

from core.api import ChartsideApi
from core.retrieval.types import EmbedderAdvice
from ui.tools.embedder_offer import EmbedderOfferDialog

MakeGui = Callable[[ChartsideApi], GuiDriver]
ADVICE = EmbedderAdvice(
    "all-MiniLM-L6-v2@c4a57a7f2011", "multilingual-e5-small@1571fc982750", 0.82, 120
)


def _offer(driver: GuiDriver) -> EmbedderOfferDialog:
    driver.wait_until(lambda: driver.controller.embedder_offer.dialog is not None)
    dialog = driver.controller.embedder_offer.dialog
    assert dialog is not None
    driver.wait_until(dialog.isVisible)
    return dialog


def test_one_click_switches_with_the_reason_shown(
    make_gui: MakeGui, fake_api: FakeChartsideApi
) -> None:
    fake_api.advice = ADVICE
    driver = make_gui(fake_api)
    driver.unlock(FAKE_PASSPHRASE)
    dialog = _offer(driver)
    reason = dialog.reason.text()
    assert "82%" in reason and "multilingual-e5-small" in reason and "all-MiniLM-L6-v2" in reason
    assert "multilingual-e5-small" in dialog.use_button.text()
    assert dialog.use_button.isDefault()
    driver.click(dialog.use_button)
    driver.wait_until(lambda: not dialog.isVisible())
    assert fake_api.advice_taken == (ADVICE.suggested,)
    message = driver.window.statusBar().currentMessage()
    assert "multilingual-e5-small" in message and "re-embedded" in message


def test_not_now_is_told_to_the_service_and_nothing_shows_without_advice(
    make_gui: MakeGui, fake_api: FakeChartsideApi
) -> None:
    fake_api.advice = ADVICE
    driver = make_gui(fake_api)
    driver.unlock(FAKE_PASSPHRASE)
    dialog = _offer(driver)
    driver.click(dialog.skip_button)
    driver.wait_until(lambda: fake_api.called("decline_embedder_advice") == 1)
    assert not dialog.isVisible() and fake_api.advice_taken == ()

    driver.lock()
    driver.unlock(FAKE_PASSPHRASE)  # declined: the service advises nothing any more
    driver.wait_until(lambda: fake_api.called("embedder_advice") == 2)
    driver.settle()
    assert driver.controller.embedder_offer.dialog is dialog and not dialog.isVisible()
