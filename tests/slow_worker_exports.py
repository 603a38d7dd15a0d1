"""Loaded only by the worker that ``tests/test_worker_kills.py`` starts (``--include``).

Every CV render of that worker takes ``SLOW_EXPORT_SECONDS`` longer, so the test can kill
the worker while an export job is running. Nothing else imports this module.
"""

import os
import time

from exports import services

_render_cv = services.render_cv


def _slow_render_cv(**kwargs):
    time.sleep(float(os.environ["SLOW_EXPORT_SECONDS"]))
    return _render_cv(**kwargs)


services.render_cv = _slow_render_cv
