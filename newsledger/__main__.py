import sys

from newsledger.cli import main

sys.exit(main())
