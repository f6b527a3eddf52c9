# English shows dates the same way as Indonesian ("10 Mar 2025", "10 Mar 2025 14:05"): one format everywhere.
from berdaya.formats.id.formats import *  # noqa: F403
