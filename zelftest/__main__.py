"""`python -m zelftest` runs the command line."""

from zelftest.cli import main

raise SystemExit(main())
