"""The frozen program's entry: the command line, which opens the GUI when given no sub-command."""

import sys

from enrollagent.cli import main

sys.exit(main())
