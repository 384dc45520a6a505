"""``python -m fakeinvest.training``: the same as ``fakeinvest train``."""

from ._cli import main

raise SystemExit(main())
