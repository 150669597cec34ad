import sys

from nkcourse.cli import main

sys.exit(main())
