"""Helpers for tests of the running app."""


def index_settled(app, timeout: float = 60.0) -> None:
    """Wait until the app's background indexer has written every commit the app made (a
    generous deadline: CI machines are shared; the speed is measured in bench/, not here)."""
    assert app.registry["search"].indexer.wait_idle(timeout), "the search indexer did not finish in time"
