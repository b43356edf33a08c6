"""`python -m zelftest` runs the command line, as the `zelftest` command does."""

from zelftest.start import main

raise SystemExit(main())
