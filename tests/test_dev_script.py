"""`./dev up` (issue 17, finding 14): debug on an address the network can reach is refused unless asked for.

The check runs before anything is installed or started. PYTHON points at `false`, so a run that gets past
the check stops at once at the Python version check (`need_python`) instead of installing or serving.
"""

import os
import subprocess
from pathlib import Path

DEV = Path(__file__).resolve().parent.parent / "dev"


def dev_up(**env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in {"DJANGO_DEBUG", "BERDAYA_ADDR"}}
    return subprocess.run(
        [str(DEV), "up"],
        env=clean | {"PYTHON": "false"} | env,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )


def test_dev_up_refuses_debug_on_a_network_address_before_installing_anything():
    refused = dev_up(BERDAYA_ADDR="0.0.0.0:8000")
    assert refused.returncode == 1
    assert "Menolak: 0.0.0.0:8000 dapat dibuka dari jaringan" in refused.stderr
    assert "DJANGO_DEBUG=1 BERDAYA_ADDR=0.0.0.0:8000 ./dev up" in refused.stderr
    assert "butuh Python" not in refused.stderr  # refused before the install step

    for allowed in (
        dev_up(BERDAYA_ADDR="127.0.0.1:8000"),
        dev_up(BERDAYA_ADDR="0.0.0.0:8000", DJANGO_DEBUG="0"),
    ):
        assert "Menolak" not in allowed.stderr and "butuh Python" in allowed.stderr  # on to the install step

    consented = dev_up(BERDAYA_ADDR="0.0.0.0:8000", DJANGO_DEBUG="1")
    assert "PERINGATAN: mode debug menyala di 0.0.0.0:8000" in consented.stderr
    assert "butuh Python" in consented.stderr
